package org.misemori.identity.passkey;

import java.util.List;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Where one kind of account keeps its passkeys. Spring Security's relying party reads and writes
 * through the two repository interfaces; the holder's own page lists and deletes by user name,
 * so one person can never name (and so delete) another's credential.
 */
interface PasskeyStore extends UserCredentialRepository {

	PublicKeyCredentialUserEntity findById(Bytes id);

	PublicKeyCredentialUserEntity findByUsername(String username);

	void save(PublicKeyCredentialUserEntity entity);

	/** Named apart from {@link #delete(Bytes)}, which deletes a credential, not its holder. */
	void deleteHolder(Bytes id);

	/** The holders (WebAuthn user entities): a separate view, as both interfaces declare {@code delete(Bytes)}. */
	default PublicKeyCredentialUserEntityRepository users() {
		return new PublicKeyCredentialUserEntityRepository() {

			@Override
			public PublicKeyCredentialUserEntity findById(Bytes id) {
				return PasskeyStore.this.findById(id);
			}

			@Override
			public PublicKeyCredentialUserEntity findByUsername(String username) {
				return PasskeyStore.this.findByUsername(username);
			}

			@Override
			public void save(PublicKeyCredentialUserEntity entity) {
				PasskeyStore.this.save(entity);
			}

			@Override
			public void delete(Bytes id) {
				deleteHolder(id);
			}

		};
	}

	List<Passkey> list(String username);

	boolean delete(String username, Bytes credentialId);

}
