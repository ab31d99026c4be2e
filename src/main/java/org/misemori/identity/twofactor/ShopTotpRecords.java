package org.misemori.identity.twofactor;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The TOTP rows of an account that belongs to one shop — a staff member or a member. Tenant
 * tables on the runtime role, so row-level security already keeps them to the current shop;
 * the shop id is still bound, as every key here carries it. Staff and members keep the same
 * columns in tables of their own: only the statements ({@link Tables}, constants) differ.
 */
final class ShopTotpRecords implements TotpRecords {

	static final Tables STAFF = new Tables("staff", """
			SELECT EXISTS (SELECT 1 FROM identity.staff_totp
			               WHERE shop_id = :shop AND staff_id = :owner AND confirmed_at IS NOT NULL)""", """
			INSERT INTO identity.staff_totp (shop_id, staff_id, sealed_secret) VALUES (:shop, :owner, :sealed)
			ON CONFLICT (shop_id, staff_id) DO UPDATE SET sealed_secret = excluded.sealed_secret, created_at = now()
			WHERE identity.staff_totp.confirmed_at IS NULL""", """
			SELECT sealed_secret, last_used_step FROM identity.staff_totp
			WHERE shop_id = :shop AND staff_id = :owner AND (confirmed_at IS NOT NULL) = :confirmed""", """
			UPDATE identity.staff_totp
			SET last_used_step = :step, confirmed_at = CASE WHEN :confirm THEN now() ELSE confirmed_at END
			WHERE shop_id = :shop AND staff_id = :owner AND last_used_step < :step""",
			"DELETE FROM identity.staff_recovery_code WHERE shop_id = :shop AND staff_id = :owner",
			"INSERT INTO identity.staff_recovery_code (shop_id, staff_id, code_hash) VALUES (:shop, :owner, :hash)", """
			UPDATE identity.staff_recovery_code SET used_at = now()
			WHERE shop_id = :shop AND staff_id = :owner AND code_hash = :hash AND used_at IS NULL""",
			"DELETE FROM identity.staff_totp WHERE shop_id = :shop AND staff_id = :owner");

	static final Tables MEMBERS = new Tables("member", """
			SELECT EXISTS (SELECT 1 FROM identity.member_totp
			               WHERE shop_id = :shop AND member_id = :owner AND confirmed_at IS NOT NULL)""", """
			INSERT INTO identity.member_totp (shop_id, member_id, sealed_secret) VALUES (:shop, :owner, :sealed)
			ON CONFLICT (shop_id, member_id) DO UPDATE SET sealed_secret = excluded.sealed_secret, created_at = now()
			WHERE identity.member_totp.confirmed_at IS NULL""", """
			SELECT sealed_secret, last_used_step FROM identity.member_totp
			WHERE shop_id = :shop AND member_id = :owner AND (confirmed_at IS NOT NULL) = :confirmed""", """
			UPDATE identity.member_totp
			SET last_used_step = :step, confirmed_at = CASE WHEN :confirm THEN now() ELSE confirmed_at END
			WHERE shop_id = :shop AND member_id = :owner AND last_used_step < :step""",
			"DELETE FROM identity.member_recovery_code WHERE shop_id = :shop AND member_id = :owner",
			"INSERT INTO identity.member_recovery_code (shop_id, member_id, code_hash) VALUES (:shop, :owner, :hash)", """
			UPDATE identity.member_recovery_code SET used_at = now()
			WHERE shop_id = :shop AND member_id = :owner AND code_hash = :hash AND used_at IS NULL""",
			"DELETE FROM identity.member_totp WHERE shop_id = :shop AND member_id = :owner");

	private final JdbcClient jdbc;

	private final Tables tables;

	private final long shopId;

	private final long ownerId;

	private ShopTotpRecords(JdbcClient jdbc, Tables tables, long shopId, long ownerId) {
		this.jdbc = jdbc;
		this.tables = tables;
		this.shopId = shopId;
		this.ownerId = ownerId;
	}

	/** Runs {@code work} on one account's rows, in its shop's tenant context and one transaction. */
	static <T> T inShop(JdbcClient jdbc, TransactionTemplate transactions, Tables tables, ShopId shop, long ownerId,
			Function<? super ShopTotpRecords, T> work) {
		return TenantContext.callAs(shop, () -> transactions
			.execute(status -> work.apply(new ShopTotpRecords(jdbc, tables, shop.value(), ownerId))));
	}

	@Override
	public String sealContext() {
		return "totp:" + tables.kind() + ":" + shopId + ":" + ownerId;
	}

	@Override
	public boolean isEnrolled() {
		return statement(tables.enrolled()).query(Boolean.class).single();
	}

	@Override
	public boolean storePending(byte[] sealedSecret) {
		return statement(tables.storePending()).param("sealed", sealedSecret).update() == 1;
	}

	@Override
	public Optional<StoredSecret> load(boolean confirmed) {
		return statement(tables.load()).param("confirmed", confirmed)
			.query((row, n) -> new StoredSecret(row.getBytes(1), row.getLong(2)))
			.optional();
	}

	@Override
	public boolean useStep(long step, boolean confirm) {
		return statement(tables.useStep()).param("step", step).param("confirm", confirm).update() == 1;
	}

	@Override
	public void replaceRecoveryCodes(List<byte[]> codeHashes) {
		statement(tables.clearRecoveryCodes()).update();
		for (byte[] hash : codeHashes) {
			statement(tables.addRecoveryCode()).param("hash", hash).update();
		}
	}

	@Override
	public boolean useRecoveryCode(byte[] codeHash) {
		return statement(tables.useRecoveryCode()).param("hash", codeHash).update() == 1;
	}

	/** Turns the factor off: the seed and every recovery code go. Only members may do this. */
	boolean remove() {
		statement(tables.clearRecoveryCodes()).update();
		return statement(tables.remove()).update() == 1;
	}

	private JdbcClient.StatementSpec statement(String sql) {
		return jdbc.sql(sql).param("shop", shopId).param("owner", ownerId);
	}

	/**
	 * One kind of account's statements. Table names cannot be bound, so each kind spells its
	 * own; they take the same parameters ({@code :shop}, {@code :owner}, …) and mean the same.
	 */
	record Tables(String kind, String enrolled, String storePending, String load, String useStep,
			String clearRecoveryCodes, String addRecoveryCode, String useRecoveryCode, String remove) {
	}

}
