package org.misemori.identity.environment;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.misemori.identity.domain.Sha256;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The single-use "this was not me" links of alert mails: 256 random bits, valid seven days (a
 * holder may read the mail after a weekend away), only the SHA-256 stored, so the table gives
 * no usable link to whoever reads it.
 */
@Component
class NotMeTokens {

	static final Duration VALIDITY = Duration.ofDays(7);

	private static final int TOKEN_MAX = 100;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	NotMeTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String issue(String accountKey, String principalName) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				INSERT INTO identity.not_me_token (token_hash, account_key, principal_name, expires_at)
				VALUES (:hash, :key, :principal, :expires)""")
			.param("hash", Sha256.of(token))
			.param("key", accountKey)
			.param("principal", principalName)
			.param("expires", Timestamp.from(clock.instant().plus(VALIDITY)))
			.update();
		return token;
	}

	/** The account {@code token} was issued for, if it could be used now; does not spend it. */
	Optional<Claim> claim(String token) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT account_key, principal_name FROM identity.not_me_token
				WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
			.param("hash", Sha256.of(token))
			.param("now", Timestamp.from(clock.instant()))
			.query((row, n) -> new Claim(row.getString("account_key"), row.getString("principal_name")))
			.optional();
	}

	/** Spends the token, atomically: of two uses at once, exactly one returns true. */
	boolean spend(String token) {
		return wellFormed(token) && jdbc.sql("""
				UPDATE identity.not_me_token SET used_at = :now
				WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
			.param("hash", Sha256.of(token))
			.param("now", Timestamp.from(clock.instant()))
			.update() == 1;
	}

	private static boolean wellFormed(String token) {
		return token != null && !token.isBlank() && token.length() <= TOKEN_MAX;
	}

	/** The account a token was issued for. */
	record Claim(String accountKey, String principalName) {
	}

}
