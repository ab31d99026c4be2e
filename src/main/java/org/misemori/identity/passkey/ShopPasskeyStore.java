package org.misemori.identity.passkey;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.misemori.platform.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passkeys of an account that belongs to one shop — a staff member or a member — in tenant
 * tables. Spring Security's {@code JdbcUserCredentialRepository} and
 * {@code JdbcPublicKeyCredentialUserEntityRepository} cannot be used: their tables have no
 * {@code shop_id}, so row-level security could not keep shops apart, and they run outside a
 * transaction, which is where our tenant claim reaches PostgreSQL. Here every statement runs in a
 * transaction of the current shop (set from the signed-in staff member by the admin chain, or from
 * the storefront request): a credential of another shop is simply not there, whatever its id.
 * Staff and members keep the same columns in tables of their own: only the statements
 * ({@link Tables}, constants) differ.
 */
final class ShopPasskeyStore implements PasskeyStore {

	/** The name is {@code <shop code>/<login ID>}; the login ID finds the account in the current shop. */
	static final Tables STAFF = new Tables("Staff passkeys are read in the signed-in staff member's shop only",
			name -> name.substring(name.indexOf('/') + 1),
			"SELECT user_handle, name FROM identity.staff_passkey_user WHERE user_handle = :handle",
			"SELECT user_handle, name FROM identity.staff_passkey_user WHERE name = :name", """
			INSERT INTO identity.staff_passkey_user (shop_id, staff_id, user_handle, name)
			SELECT shop_id, id, :handle, :name FROM identity.staff_account WHERE login_id = :account
			ON CONFLICT (shop_id, staff_id) DO NOTHING""",
			"DELETE FROM identity.staff_passkey_user WHERE user_handle = :handle", """
			SELECT p.*, u.user_handle FROM identity.staff_passkey p
			JOIN identity.staff_passkey_user u ON u.shop_id = p.shop_id AND u.staff_id = p.staff_id
			WHERE p.credential_id = :id""", """
			SELECT p.*, u.user_handle FROM identity.staff_passkey p
			JOIN identity.staff_passkey_user u ON u.shop_id = p.shop_id AND u.staff_id = p.staff_id
			WHERE u.user_handle = :handle ORDER BY p.created_at""", """
			INSERT INTO identity.staff_passkey (shop_id, credential_id, staff_id, label, public_key, signature_count,
			    uv_initialized, backup_eligible, backup_state, transports, attestation_object,
			    attestation_client_data_json, created_at, last_used_at)
			SELECT u.shop_id, :id, u.staff_id, :label, :key, :count, :uv, :be, :bs, :transports, :attestation,
			       :clientData, :created, NULL
			FROM identity.staff_passkey_user u WHERE u.user_handle = :handle
			ON CONFLICT (shop_id, credential_id) DO UPDATE SET signature_count = excluded.signature_count,
			    last_used_at = :lastUsed, backup_state = excluded.backup_state""",
			"DELETE FROM identity.staff_passkey WHERE credential_id = :id", """
			SELECT p.credential_id, p.label, p.created_at, p.last_used_at FROM identity.staff_passkey p
			JOIN identity.staff_passkey_user u ON u.shop_id = p.shop_id AND u.staff_id = p.staff_id
			WHERE u.name = :name ORDER BY p.created_at""", """
			DELETE FROM identity.staff_passkey p USING identity.staff_passkey_user u
			WHERE u.shop_id = p.shop_id AND u.staff_id = p.staff_id AND u.name = :name AND p.credential_id = :id""");

	/** The name is {@code member:<shop id>:<member id>}; only an active (本会員) account gets a holder. */
	static final Tables MEMBERS = new Tables("Member passkeys are read in the shop of the request only",
			MemberPasskeyHolders::memberId,
			"SELECT user_handle, name FROM identity.member_passkey_user WHERE user_handle = :handle",
			"SELECT user_handle, name FROM identity.member_passkey_user WHERE name = :name", """
			INSERT INTO identity.member_passkey_user (shop_id, member_id, user_handle, name)
			SELECT shop_id, id, :handle, :name FROM identity.member_account WHERE id = :account AND status = 'ACTIVE'
			ON CONFLICT (shop_id, member_id) DO NOTHING""",
			"DELETE FROM identity.member_passkey_user WHERE user_handle = :handle", """
			SELECT p.*, u.user_handle FROM identity.member_passkey p
			JOIN identity.member_passkey_user u ON u.shop_id = p.shop_id AND u.member_id = p.member_id
			WHERE p.credential_id = :id""", """
			SELECT p.*, u.user_handle FROM identity.member_passkey p
			JOIN identity.member_passkey_user u ON u.shop_id = p.shop_id AND u.member_id = p.member_id
			WHERE u.user_handle = :handle ORDER BY p.created_at""", """
			INSERT INTO identity.member_passkey (shop_id, credential_id, member_id, label, public_key, signature_count,
			    uv_initialized, backup_eligible, backup_state, transports, attestation_object,
			    attestation_client_data_json, created_at, last_used_at)
			SELECT u.shop_id, :id, u.member_id, :label, :key, :count, :uv, :be, :bs, :transports, :attestation,
			       :clientData, :created, NULL
			FROM identity.member_passkey_user u WHERE u.user_handle = :handle
			ON CONFLICT (shop_id, credential_id) DO UPDATE SET signature_count = excluded.signature_count,
			    last_used_at = :lastUsed, backup_state = excluded.backup_state""",
			"DELETE FROM identity.member_passkey WHERE credential_id = :id", """
			SELECT p.credential_id, p.label, p.created_at, p.last_used_at FROM identity.member_passkey p
			JOIN identity.member_passkey_user u ON u.shop_id = p.shop_id AND u.member_id = p.member_id
			WHERE u.name = :name ORDER BY p.created_at""", """
			DELETE FROM identity.member_passkey p USING identity.member_passkey_user u
			WHERE u.shop_id = p.shop_id AND u.member_id = p.member_id AND u.name = :name AND p.credential_id = :id""");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Tables tables;

	ShopPasskeyStore(JdbcClient jdbc, TransactionTemplate transactions, Tables tables) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.tables = tables;
	}

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		return inShop(() -> jdbc.sql(tables.holderByHandle())
			.param("handle", id.getBytes())
			.query(CredentialRows::holder)
			.optional()
			.orElse(null));
	}

	@Override
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		return inShop(() -> jdbc.sql(tables.holderByName())
			.param("name", username)
			.query(CredentialRows::holder)
			.optional()
			.orElse(null));
	}

	@Override
	public void save(PublicKeyCredentialUserEntity entity) {
		inShop(() -> jdbc.sql(tables.addHolder())
			.param("handle", entity.getId().getBytes())
			.param("name", entity.getName())
			.param("account", tables.account().apply(entity.getName()))
			.update());
	}

	@Override
	public void deleteHolder(Bytes id) {
		inShop(() -> jdbc.sql(tables.removeHolder()).param("handle", id.getBytes()).update());
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return inShop(() -> jdbc.sql(tables.credentialById())
			.param("id", credentialId.getBytes())
			.query(CredentialRows::record)
			.optional()
			.orElse(null));
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return inShop(() -> jdbc.sql(tables.credentialsOfHolder())
			.param("handle", userId.getBytes())
			.query(CredentialRows::record)
			.list());
	}

	/** A new credential (never used yet), or the signature counter and last use after a sign-in. */
	@Override
	public void save(CredentialRecord record) {
		inShop(() -> CredentialRows.bind(jdbc.sql(tables.saveCredential()), record).update());
	}

	@Override
	public void delete(Bytes credentialId) {
		inShop(() -> jdbc.sql(tables.removeCredential()).param("id", credentialId.getBytes()).update());
	}

	@Override
	public List<Passkey> list(String username) {
		return inShop(() -> jdbc.sql(tables.listOwn())
			.param("name", username)
			.query(CredentialRows::summary)
			.list());
	}

	@Override
	public boolean delete(String username, Bytes credentialId) {
		return inShop(() -> jdbc.sql(tables.removeOwn())
			.param("name", username)
			.param("id", credentialId.getBytes())
			.update()) == 1;
	}

	private <T> T inShop(Supplier<T> work) {
		if (TenantContext.current().isEmpty()) {
			throw new IllegalStateException(tables.outsideShop());
		}
		return transactions.execute(status -> work.get());
	}

	/**
	 * One kind of account's statements. Table names cannot be bound, so each kind spells its own;
	 * they take the same parameters ({@code :handle}, {@code :name}, {@code :account}, …) and mean
	 * the same. {@code account} reads, from a holder's name, the key its account row is found by.
	 */
	record Tables(String outsideShop, Function<String, Object> account, String holderByHandle, String holderByName,
			String addHolder, String removeHolder, String credentialById, String credentialsOfHolder,
			String saveCredential, String removeCredential, String listOwn, String removeOwn) {
	}

}
