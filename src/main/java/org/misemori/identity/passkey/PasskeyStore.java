package org.misemori.identity.passkey;

import java.util.List;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Where one kind of account keeps its passkeys. Spring Security's relying party reads and writes
 * through the two repository interfaces; the holder's own page lists and deletes by user name,
 * so one person can never name (and so delete) another's credential.
 */
interface PasskeyStore extends UserCredentialRepository {

	/** The holders (WebAuthn user entities): a separate view, as both interfaces declare {@code delete(Bytes)}. */
	PublicKeyCredentialUserEntityRepository users();

	List<Passkey> list(String username);

	boolean delete(String username, Bytes credentialId);

}
