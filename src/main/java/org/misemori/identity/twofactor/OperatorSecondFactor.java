package org.misemori.identity.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;
import org.misemori.vault.SecretBox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Operators' TOTP second factor: enrolment (confirmed by a first valid code, which also issues
 * ten recovery codes shown once), and verification that accepts each code only once.
 */
@Service
public class OperatorSecondFactor {

	private static final int RECOVERY_CODES = 10;

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final CrossShopAccess crossShop;

	private final SecretBox secrets;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	OperatorSecondFactor(CrossShopAccess crossShop, SecretBox secrets, Clock clock) {
		this.crossShop = crossShop;
		this.secrets = secrets;
		this.clock = clock;
	}

	public boolean isEnrolled(String loginId) {
		return call("check second factor of " + loginId, jdbc -> jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM identity.operator_totp t JOIN identity.operator_account a ON a.id = t.operator_id
				               WHERE a.login_id = :loginId AND t.confirmed_at IS NOT NULL)""")
			.param("loginId", loginId)
			.query(Boolean.class)
			.single());
	}

	/** A fresh secret awaiting its first code; replaces an earlier unconfirmed one. Refused once enrolled. */
	public TotpEnrolment beginEnrolment(String loginId) {
		byte[] secret = new byte[20];
		random.nextBytes(secret);
		call("begin second-factor enrolment of " + loginId, jdbc -> {
			long operatorId = operatorId(jdbc, loginId);
			int stored = jdbc.sql("""
					INSERT INTO identity.operator_totp (operator_id, sealed_secret) VALUES (:id, :sealed)
					ON CONFLICT (operator_id) DO UPDATE SET sealed_secret = excluded.sealed_secret, created_at = now()
					WHERE identity.operator_totp.confirmed_at IS NULL""")
				.param("id", operatorId)
				.param("sealed", secrets.seal(secret, context(operatorId)))
				.update();
			if (stored == 0) {
				throw new IllegalStateException("Operator " + loginId + " already has a second factor");
			}
			return stored;
		});
		return new TotpEnrolment(Totp.base32(secret), loginId);
	}

	/** Confirms the pending secret with a first code; the recovery codes, to be shown once. */
	public Optional<List<String>> confirmEnrolment(String loginId, String code) {
		return call("confirm second-factor enrolment of " + loginId, jdbc -> {
			long operatorId = operatorId(jdbc, loginId);
			OptionalLong step = matchingStep(jdbc, operatorId, code, false);
			if (step.isEmpty() || !useStep(jdbc, operatorId, step.getAsLong(), true)) {
				return Optional.<List<String>>empty();
			}
			return Optional.of(issueRecoveryCodes(jdbc, operatorId));
		});
	}

	/** A TOTP code of a later step than any used before, or an unused recovery code. */
	public boolean verify(String loginId, String code) {
		return call("verify second factor of " + loginId, jdbc -> {
			long operatorId = operatorId(jdbc, loginId);
			String trimmed = code == null ? "" : code.strip();
			if (trimmed.matches("\\d{6}")) {
				OptionalLong step = matchingStep(jdbc, operatorId, trimmed, true);
				return step.isPresent() && useStep(jdbc, operatorId, step.getAsLong(), false);
			}
			return jdbc.sql("""
					UPDATE identity.operator_recovery_code SET used_at = now()
					WHERE operator_id = :id AND code_hash = :hash AND used_at IS NULL""")
				.param("id", operatorId)
				.param("hash", sha256(trimmed.toLowerCase(Locale.ROOT)))
				.update() == 1;
		});
	}

	private OptionalLong matchingStep(JdbcClient jdbc, long operatorId, String code, boolean confirmed) {
		return jdbc.sql("""
				SELECT sealed_secret, last_used_step FROM identity.operator_totp
				WHERE operator_id = :id AND (confirmed_at IS NOT NULL) = :confirmed""")
			.param("id", operatorId)
			.param("confirmed", confirmed)
			.query((row, n) -> Totp.verify(secrets.open(row.getBytes(1), context(operatorId)), code, clock.instant(),
					row.getLong(2)))
			.optional()
			.orElse(OptionalLong.empty());
	}

	/** Atomic across nodes: of two requests with the same code, only one moves the step forward. */
	private static boolean useStep(JdbcClient jdbc, long operatorId, long step, boolean confirm) {
		return jdbc.sql("""
				UPDATE identity.operator_totp
				SET last_used_step = :step, confirmed_at = CASE WHEN :confirm THEN now() ELSE confirmed_at END
				WHERE operator_id = :id AND last_used_step < :step""")
			.param("step", step)
			.param("confirm", confirm)
			.param("id", operatorId)
			.update() == 1;
	}

	private List<String> issueRecoveryCodes(JdbcClient jdbc, long operatorId) {
		jdbc.sql("DELETE FROM identity.operator_recovery_code WHERE operator_id = :id").param("id", operatorId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String code = recoveryCode();
			jdbc.sql("INSERT INTO identity.operator_recovery_code (operator_id, code_hash) VALUES (:id, :hash)")
				.param("id", operatorId)
				.param("hash", sha256(code))
				.update();
			codes.add(code);
		}
		return codes;
	}

	/** 16 characters from a 31-letter alphabet without look-alikes: about 79 bits. */
	private String recoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

	private static long operatorId(JdbcClient jdbc, String loginId) {
		return jdbc.sql("SELECT id FROM identity.operator_account WHERE login_id = :loginId")
			.param("loginId", loginId)
			.query(Long.class)
			.single();
	}

	private static String context(long operatorId) {
		return "totp:operator:" + operatorId;
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private <T> T call(String detail, java.util.function.Function<JdbcClient, T> work) {
		return crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS, detail, work);
	}

}
