package org.misemori.identity.passkey;

import java.util.List;
import java.util.function.Supplier;

import org.misemori.platform.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff passkeys in tenant tables. Spring Security's {@code JdbcUserCredentialRepository} and
 * {@code JdbcPublicKeyCredentialUserEntityRepository} cannot be used: their tables have no
 * {@code shop_id}, so row-level security could not keep shops apart, and they run outside a
 * transaction, which is where our tenant claim reaches PostgreSQL. Here every statement runs in a
 * transaction of the current shop (set from the signed-in staff member by the admin chain): a
 * credential of another shop is simply not there, whatever its id.
 */
final class StaffPasskeyStore implements PasskeyStore {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	StaffPasskeyStore(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	public PublicKeyCredentialUserEntity findById(Bytes id) {
		return inShop(() -> jdbc.sql("SELECT user_handle, name FROM identity.staff_passkey_user WHERE user_handle = :handle")
			.param("handle", id.getBytes())
			.query((row, n) -> entity(row.getBytes(1), row.getString(2)))
			.optional()
			.orElse(null));
	}

	public PublicKeyCredentialUserEntity findByUsername(String username) {
		return inShop(() -> jdbc.sql("SELECT user_handle, name FROM identity.staff_passkey_user WHERE name = :name")
			.param("name", username)
			.query((row, n) -> entity(row.getBytes(1), row.getString(2)))
			.optional()
			.orElse(null));
	}

	/** The name is {@code <shop code>/<login ID>}; the login ID finds the account in the current shop. */
	public void save(PublicKeyCredentialUserEntity entity) {
		inShop(() -> jdbc.sql("""
				INSERT INTO identity.staff_passkey_user (shop_id, staff_id, user_handle, name)
				SELECT shop_id, id, :handle, :name FROM identity.staff_account WHERE login_id = :loginId
				ON CONFLICT (shop_id, staff_id) DO NOTHING""")
			.param("handle", entity.getId().getBytes())
			.param("name", entity.getName())
			.param("loginId", entity.getName().substring(entity.getName().indexOf('/') + 1))
			.update());
	}

	public void deleteHolder(Bytes id) {
		inShop(() -> jdbc.sql("DELETE FROM identity.staff_passkey_user WHERE user_handle = :handle")
			.param("handle", id.getBytes())
			.update());
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return inShop(() -> jdbc.sql("""
				SELECT p.*, u.user_handle FROM identity.staff_passkey p
				JOIN identity.staff_passkey_user u ON u.shop_id = p.shop_id AND u.staff_id = p.staff_id
				WHERE p.credential_id = :id""")
			.param("id", credentialId.getBytes())
			.query(CredentialRows::record)
			.optional()
			.orElse(null));
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return inShop(() -> jdbc.sql("""
				SELECT p.*, u.user_handle FROM identity.staff_passkey p
				JOIN identity.staff_passkey_user u ON u.shop_id = p.shop_id AND u.staff_id = p.staff_id
				WHERE u.user_handle = :handle ORDER BY p.created_at""")
			.param("handle", userId.getBytes())
			.query(CredentialRows::record)
			.list());
	}

	/** A new credential (never used yet), or the signature counter and last use after a sign-in. */
	@Override
	public void save(CredentialRecord record) {
		inShop(() -> jdbc.sql("""
				INSERT INTO identity.staff_passkey (shop_id, credential_id, staff_id, label, public_key, signature_count,
				    uv_initialized, backup_eligible, backup_state, transports, attestation_object,
				    attestation_client_data_json, created_at, last_used_at)
				SELECT u.shop_id, :id, u.staff_id, :label, :key, :count, :uv, :be, :bs, :transports, :attestation,
				       :clientData, :created, NULL
				FROM identity.staff_passkey_user u WHERE u.user_handle = :handle
				ON CONFLICT (shop_id, credential_id) DO UPDATE SET signature_count = excluded.signature_count,
				    last_used_at = :lastUsed, backup_state = excluded.backup_state""")
			.param("id", record.getCredentialId().getBytes())
			.param("label", record.getLabel())
			.param("key", record.getPublicKey().getBytes())
			.param("count", record.getSignatureCount())
			.param("uv", record.isUvInitialized())
			.param("be", record.isBackupEligible())
			.param("bs", record.isBackupState())
			.param("transports", CredentialRows.transports(record.getTransports()))
			.param("attestation", CredentialRows.raw(record.getAttestationObject()))
			.param("clientData", CredentialRows.raw(record.getAttestationClientDataJSON()))
			.param("created", CredentialRows.timestamp(record.getCreated()))
			.param("lastUsed", record.getLastUsed() == null ? null : CredentialRows.timestamp(record.getLastUsed()))
			.param("handle", record.getUserEntityUserId().getBytes())
			.update());
	}

	@Override
	public void delete(Bytes credentialId) {
		inShop(() -> jdbc.sql("DELETE FROM identity.staff_passkey WHERE credential_id = :id")
			.param("id", credentialId.getBytes())
			.update());
	}

	@Override
	public PublicKeyCredentialUserEntityRepository users() {
		return new PublicKeyCredentialUserEntityRepository() {

			@Override
			public PublicKeyCredentialUserEntity findById(Bytes id) {
				return StaffPasskeyStore.this.findById(id);
			}

			@Override
			public PublicKeyCredentialUserEntity findByUsername(String username) {
				return StaffPasskeyStore.this.findByUsername(username);
			}

			@Override
			public void save(PublicKeyCredentialUserEntity entity) {
				StaffPasskeyStore.this.save(entity);
			}

			@Override
			public void delete(Bytes id) {
				deleteHolder(id);
			}

		};
	}

	@Override
	public List<Passkey> list(String username) {
		return inShop(() -> jdbc.sql("""
				SELECT p.credential_id, p.label, p.created_at, p.last_used_at FROM identity.staff_passkey p
				JOIN identity.staff_passkey_user u ON u.shop_id = p.shop_id AND u.staff_id = p.staff_id
				WHERE u.name = :name ORDER BY p.created_at""")
			.param("name", username)
			.query(CredentialRows::summary)
			.list());
	}

	@Override
	public boolean delete(String username, Bytes credentialId) {
		return inShop(() -> jdbc.sql("""
				DELETE FROM identity.staff_passkey p USING identity.staff_passkey_user u
				WHERE u.shop_id = p.shop_id AND u.staff_id = p.staff_id AND u.name = :name AND p.credential_id = :id""")
			.param("name", username)
			.param("id", credentialId.getBytes())
			.update()) == 1;
	}

	private <T> T inShop(Supplier<T> work) {
		if (TenantContext.current().isEmpty()) {
			throw new IllegalStateException("Staff passkeys are read in the signed-in staff member's shop only");
		}
		return transactions.execute(status -> work.get());
	}

	static PublicKeyCredentialUserEntity entity(byte[] handle, String name) {
		return ImmutablePublicKeyCredentialUserEntity.builder().id(new Bytes(handle)).name(name).displayName(name).build();
	}

}
