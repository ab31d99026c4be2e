package org.misemori.identity.twofactor;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff TOTP rows: tenant tables on the runtime role, so row-level security already keeps
 * them to the current shop; the shop id is still bound, as every key here carries it.
 */
final class StaffTotpRecords implements TotpRecords {

	private final JdbcClient jdbc;

	private final long shopId;

	private final long staffId;

	StaffTotpRecords(JdbcClient jdbc, long shopId, long staffId) {
		this.jdbc = jdbc;
		this.shopId = shopId;
		this.staffId = staffId;
	}

	@Override
	public String sealContext() {
		return "totp:staff:" + shopId + ":" + staffId;
	}

	@Override
	public boolean isEnrolled() {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM identity.staff_totp
				               WHERE shop_id = :shop AND staff_id = :staff AND confirmed_at IS NOT NULL)""")
			.param("shop", shopId)
			.param("staff", staffId)
			.query(Boolean.class)
			.single();
	}

	@Override
	public boolean storePending(byte[] sealedSecret) {
		return jdbc.sql("""
				INSERT INTO identity.staff_totp (shop_id, staff_id, sealed_secret) VALUES (:shop, :staff, :sealed)
				ON CONFLICT (shop_id, staff_id) DO UPDATE SET sealed_secret = excluded.sealed_secret, created_at = now()
				WHERE identity.staff_totp.confirmed_at IS NULL""")
			.param("shop", shopId)
			.param("staff", staffId)
			.param("sealed", sealedSecret)
			.update() == 1;
	}

	@Override
	public Optional<StoredSecret> load(boolean confirmed) {
		return jdbc.sql("""
				SELECT sealed_secret, last_used_step FROM identity.staff_totp
				WHERE shop_id = :shop AND staff_id = :staff AND (confirmed_at IS NOT NULL) = :confirmed""")
			.param("shop", shopId)
			.param("staff", staffId)
			.param("confirmed", confirmed)
			.query((row, n) -> new StoredSecret(row.getBytes(1), row.getLong(2)))
			.optional();
	}

	@Override
	public boolean useStep(long step, boolean confirm) {
		return jdbc.sql("""
				UPDATE identity.staff_totp
				SET last_used_step = :step, confirmed_at = CASE WHEN :confirm THEN now() ELSE confirmed_at END
				WHERE shop_id = :shop AND staff_id = :staff AND last_used_step < :step""")
			.param("step", step)
			.param("confirm", confirm)
			.param("shop", shopId)
			.param("staff", staffId)
			.update() == 1;
	}

	@Override
	public void replaceRecoveryCodes(List<byte[]> codeHashes) {
		jdbc.sql("DELETE FROM identity.staff_recovery_code WHERE shop_id = :shop AND staff_id = :staff")
			.param("shop", shopId)
			.param("staff", staffId)
			.update();
		for (byte[] hash : codeHashes) {
			jdbc.sql("INSERT INTO identity.staff_recovery_code (shop_id, staff_id, code_hash) VALUES (:shop, :staff, :hash)")
				.param("shop", shopId)
				.param("staff", staffId)
				.param("hash", hash)
				.update();
		}
	}

	@Override
	public boolean useRecoveryCode(byte[] codeHash) {
		return jdbc.sql("""
				UPDATE identity.staff_recovery_code SET used_at = now()
				WHERE shop_id = :shop AND staff_id = :staff AND code_hash = :hash AND used_at IS NULL""")
			.param("shop", shopId)
			.param("staff", staffId)
			.param("hash", codeHash)
			.update() == 1;
	}

}
