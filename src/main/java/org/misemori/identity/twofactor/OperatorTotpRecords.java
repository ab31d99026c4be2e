package org.misemori.identity.twofactor;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Operators' TOTP rows, reached only through the cross-shop role. */
final class OperatorTotpRecords implements TotpRecords {

	private final JdbcClient jdbc;

	private final long operatorId;

	OperatorTotpRecords(JdbcClient jdbc, String loginId) {
		this.jdbc = jdbc;
		this.operatorId = jdbc.sql("SELECT id FROM identity.operator_account WHERE login_id = :loginId")
			.param("loginId", loginId)
			.query(Long.class)
			.single();
	}

	@Override
	public String sealContext() {
		return "totp:operator:" + operatorId;
	}

	@Override
	public boolean isEnrolled() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.operator_totp WHERE operator_id = :id AND confirmed_at IS NOT NULL)")
			.param("id", operatorId)
			.query(Boolean.class)
			.single();
	}

	@Override
	public boolean storePending(byte[] sealedSecret) {
		return jdbc.sql("""
				INSERT INTO identity.operator_totp (operator_id, sealed_secret) VALUES (:id, :sealed)
				ON CONFLICT (operator_id) DO UPDATE SET sealed_secret = excluded.sealed_secret, created_at = now()
				WHERE identity.operator_totp.confirmed_at IS NULL""")
			.param("id", operatorId)
			.param("sealed", sealedSecret)
			.update() == 1;
	}

	@Override
	public Optional<StoredSecret> load(boolean confirmed) {
		return jdbc.sql("""
				SELECT sealed_secret, last_used_step FROM identity.operator_totp
				WHERE operator_id = :id AND (confirmed_at IS NOT NULL) = :confirmed""")
			.param("id", operatorId)
			.param("confirmed", confirmed)
			.query((row, n) -> new StoredSecret(row.getBytes(1), row.getLong(2)))
			.optional();
	}

	@Override
	public boolean useStep(long step, boolean confirm) {
		return jdbc.sql("""
				UPDATE identity.operator_totp
				SET last_used_step = :step, confirmed_at = CASE WHEN :confirm THEN now() ELSE confirmed_at END
				WHERE operator_id = :id AND last_used_step < :step""")
			.param("step", step)
			.param("confirm", confirm)
			.param("id", operatorId)
			.update() == 1;
	}

	@Override
	public void replaceRecoveryCodes(List<byte[]> codeHashes) {
		jdbc.sql("DELETE FROM identity.operator_recovery_code WHERE operator_id = :id").param("id", operatorId).update();
		for (byte[] hash : codeHashes) {
			jdbc.sql("INSERT INTO identity.operator_recovery_code (operator_id, code_hash) VALUES (:id, :hash)")
				.param("id", operatorId)
				.param("hash", hash)
				.update();
		}
	}

	@Override
	public boolean useRecoveryCode(byte[] codeHash) {
		return jdbc.sql("""
				UPDATE identity.operator_recovery_code SET used_at = now()
				WHERE operator_id = :id AND code_hash = :hash AND used_at IS NULL""")
			.param("id", operatorId)
			.param("hash", codeHash)
			.update() == 1;
	}

}
