package org.misemori.identity.passkey;

import java.util.List;
import java.util.function.Function;

import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;

/**
 * Operators' passkeys, in tables only the cross-shop role may touch (like their passwords and
 * TOTP seeds): Spring Security's JDBC repositories would run on the runtime role, which must
 * never see operator credentials.
 */
final class OperatorPasskeyStore implements PasskeyStore {

	private final CrossShopAccess crossShop;

	OperatorPasskeyStore(CrossShopAccess crossShop) {
		this.crossShop = crossShop;
	}

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		return call("find passkey holder", jdbc -> jdbc
			.sql("SELECT user_handle, name FROM identity.operator_passkey_user WHERE user_handle = :handle")
			.param("handle", id.getBytes())
			.query(CredentialRows::holder)
			.optional()
			.orElse(null));
	}

	@Override
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		return call("find passkey holder", jdbc -> jdbc
			.sql("SELECT user_handle, name FROM identity.operator_passkey_user WHERE name = :name")
			.param("name", username)
			.query(CredentialRows::holder)
			.optional()
			.orElse(null));
	}

	@Override
	public void save(PublicKeyCredentialUserEntity entity) {
		call("create passkey holder", jdbc -> jdbc.sql("""
				INSERT INTO identity.operator_passkey_user (operator_id, user_handle, name)
				SELECT id, :handle, :name FROM identity.operator_account WHERE login_id = :name
				ON CONFLICT (operator_id) DO NOTHING""")
			.param("handle", entity.getId().getBytes())
			.param("name", entity.getName())
			.update());
	}

	@Override
	public void deleteHolder(Bytes id) {
		call("delete passkey holder", jdbc -> jdbc.sql("DELETE FROM identity.operator_passkey_user WHERE user_handle = :handle")
			.param("handle", id.getBytes())
			.update());
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return call("find passkey", jdbc -> jdbc.sql("""
				SELECT p.*, u.user_handle FROM identity.operator_passkey p
				JOIN identity.operator_passkey_user u ON u.operator_id = p.operator_id
				WHERE p.credential_id = :id""")
			.param("id", credentialId.getBytes())
			.query(CredentialRows::record)
			.optional()
			.orElse(null));
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return call("list passkeys", jdbc -> jdbc.sql("""
				SELECT p.*, u.user_handle FROM identity.operator_passkey p
				JOIN identity.operator_passkey_user u ON u.operator_id = p.operator_id
				WHERE u.user_handle = :handle ORDER BY p.created_at""")
			.param("handle", userId.getBytes())
			.query(CredentialRows::record)
			.list());
	}

	/** A new credential (never used yet), or the signature counter and last use after a sign-in. */
	@Override
	public void save(CredentialRecord record) {
		call("save passkey", jdbc -> CredentialRows.bind(jdbc.sql("""
				INSERT INTO identity.operator_passkey (credential_id, operator_id, label, public_key, signature_count,
				    uv_initialized, backup_eligible, backup_state, transports, attestation_object,
				    attestation_client_data_json, created_at, last_used_at)
				SELECT :id, u.operator_id, :label, :key, :count, :uv, :be, :bs, :transports, :attestation,
				       :clientData, :created, NULL
				FROM identity.operator_passkey_user u WHERE u.user_handle = :handle
				ON CONFLICT (credential_id) DO UPDATE SET signature_count = excluded.signature_count,
				    last_used_at = :lastUsed, backup_state = excluded.backup_state"""), record)
			.update());
	}

	@Override
	public void delete(Bytes credentialId) {
		call("delete passkey", jdbc -> jdbc.sql("DELETE FROM identity.operator_passkey WHERE credential_id = :id")
			.param("id", credentialId.getBytes())
			.update());
	}

	@Override
	public List<Passkey> list(String username) {
		return call("list passkeys", jdbc -> jdbc.sql("""
				SELECT p.credential_id, p.label, p.created_at, p.last_used_at FROM identity.operator_passkey p
				JOIN identity.operator_passkey_user u ON u.operator_id = p.operator_id
				WHERE u.name = :name ORDER BY p.created_at""")
			.param("name", username)
			.query(CredentialRows::summary)
			.list());
	}

	@Override
	public boolean delete(String username, Bytes credentialId) {
		return call("delete passkey", jdbc -> jdbc.sql("""
				DELETE FROM identity.operator_passkey p USING identity.operator_passkey_user u
				WHERE u.operator_id = p.operator_id AND u.name = :name AND p.credential_id = :id""")
			.param("name", username)
			.param("id", credentialId.getBytes())
			.update()) == 1;
	}

	private <T> T call(String what, Function<JdbcClient, T> work) {
		return crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS, what, work);
	}

}
