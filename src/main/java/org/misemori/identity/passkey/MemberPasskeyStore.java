package org.misemori.identity.passkey;

import java.util.List;
import java.util.function.Supplier;

import org.misemori.platform.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members' passkeys in tenant tables, read in the shop the storefront request is for (see
 * {@code StaffPasskeyStore} for why not Spring Security's own JDBC repositories): a passkey
 * made at one shop is unknown at every other.
 */
final class MemberPasskeyStore implements PasskeyStore {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	MemberPasskeyStore(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	public PublicKeyCredentialUserEntity findById(Bytes id) {
		return inShop(() -> jdbc.sql("SELECT user_handle, name FROM identity.member_passkey_user WHERE user_handle = :handle")
			.param("handle", id.getBytes())
			.query((row, n) -> StaffPasskeyStore.entity(row.getBytes(1), row.getString(2)))
			.optional()
			.orElse(null));
	}

	public PublicKeyCredentialUserEntity findByUsername(String username) {
		return inShop(() -> jdbc.sql("SELECT user_handle, name FROM identity.member_passkey_user WHERE name = :name")
			.param("name", username)
			.query((row, n) -> StaffPasskeyStore.entity(row.getBytes(1), row.getString(2)))
			.optional()
			.orElse(null));
	}

	/** The name is {@code member:<shop id>:<member id>}; only an active (本会員) account gets a holder. */
	public void save(PublicKeyCredentialUserEntity entity) {
		inShop(() -> jdbc.sql("""
				INSERT INTO identity.member_passkey_user (shop_id, member_id, user_handle, name)
				SELECT shop_id, id, :handle, :name FROM identity.member_account WHERE id = :memberId AND status = 'ACTIVE'
				ON CONFLICT (shop_id, member_id) DO NOTHING""")
			.param("handle", entity.getId().getBytes())
			.param("name", entity.getName())
			.param("memberId", memberId(entity.getName()))
			.update());
	}

	static long memberId(String name) {
		try {
			return Long.parseLong(name.substring(name.lastIndexOf(':') + 1));
		}
		catch (NumberFormatException notAMember) {
			return 0;
		}
	}

	public void deleteHolder(Bytes id) {
		inShop(() -> jdbc.sql("DELETE FROM identity.member_passkey_user WHERE user_handle = :handle")
			.param("handle", id.getBytes())
			.update());
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return inShop(() -> jdbc.sql("""
				SELECT p.*, u.user_handle FROM identity.member_passkey p
				JOIN identity.member_passkey_user u ON u.shop_id = p.shop_id AND u.member_id = p.member_id
				WHERE p.credential_id = :id""")
			.param("id", credentialId.getBytes())
			.query(CredentialRows::record)
			.optional()
			.orElse(null));
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return inShop(() -> jdbc.sql("""
				SELECT p.*, u.user_handle FROM identity.member_passkey p
				JOIN identity.member_passkey_user u ON u.shop_id = p.shop_id AND u.member_id = p.member_id
				WHERE u.user_handle = :handle ORDER BY p.created_at""")
			.param("handle", userId.getBytes())
			.query(CredentialRows::record)
			.list());
	}

	/** A new credential (never used yet), or the signature counter and last use after a sign-in. */
	@Override
	public void save(CredentialRecord record) {
		inShop(() -> jdbc.sql("""
				INSERT INTO identity.member_passkey (shop_id, credential_id, member_id, label, public_key, signature_count,
				    uv_initialized, backup_eligible, backup_state, transports, attestation_object,
				    attestation_client_data_json, created_at, last_used_at)
				SELECT u.shop_id, :id, u.member_id, :label, :key, :count, :uv, :be, :bs, :transports, :attestation,
				       :clientData, :created, NULL
				FROM identity.member_passkey_user u WHERE u.user_handle = :handle
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
		inShop(() -> jdbc.sql("DELETE FROM identity.member_passkey WHERE credential_id = :id")
			.param("id", credentialId.getBytes())
			.update());
	}

	@Override
	public PublicKeyCredentialUserEntityRepository users() {
		return new PublicKeyCredentialUserEntityRepository() {

			@Override
			public PublicKeyCredentialUserEntity findById(Bytes id) {
				return MemberPasskeyStore.this.findById(id);
			}

			@Override
			public PublicKeyCredentialUserEntity findByUsername(String username) {
				return MemberPasskeyStore.this.findByUsername(username);
			}

			@Override
			public void save(PublicKeyCredentialUserEntity entity) {
				MemberPasskeyStore.this.save(entity);
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
				SELECT p.credential_id, p.label, p.created_at, p.last_used_at FROM identity.member_passkey p
				JOIN identity.member_passkey_user u ON u.shop_id = p.shop_id AND u.member_id = p.member_id
				WHERE u.name = :name ORDER BY p.created_at""")
			.param("name", username)
			.query(CredentialRows::summary)
			.list());
	}

	@Override
	public boolean delete(String username, Bytes credentialId) {
		return inShop(() -> jdbc.sql("""
				DELETE FROM identity.member_passkey p USING identity.member_passkey_user u
				WHERE u.shop_id = p.shop_id AND u.member_id = p.member_id AND u.name = :name AND p.credential_id = :id""")
			.param("name", username)
			.param("id", credentialId.getBytes())
			.update()) == 1;
	}

	private <T> T inShop(Supplier<T> work) {
		if (TenantContext.current().isEmpty()) {
			throw new IllegalStateException("Member passkeys are read in the shop of the request only");
		}
		return transactions.execute(status -> work.get());
	}


}
