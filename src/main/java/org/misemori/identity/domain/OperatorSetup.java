package org.misemori.identity.domain;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.misemori.identity.OperatorCreated;
import org.misemori.identity.SetupLinkRejected;
import org.misemori.identity.password.AccountKind;
import org.misemori.identity.password.PasswordContext;
import org.misemori.identity.password.PasswordPolicy;
import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The first operator's way in, instead of a default password: a single-use link with a
 * 256-bit token, valid for 24 hours, printed once at start while no operator exists. Only the
 * token's SHA-256 is stored.
 */
@Service
public class OperatorSetup {

	static final Duration VALIDITY = Duration.ofHours(24);

	private static final int TOKEN_BYTES = 32;

	/** A plain address the outbox will send to: ASCII, no display name, a dotted domain. */
	private static final Pattern MAIL_ADDRESS = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

	private final CrossShopAccess crossShop;

	private final PasswordEncoder passwords;

	private final PasswordPolicy passwordPolicy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	OperatorSetup(CrossShopAccess crossShop, PasswordEncoder passwords, PasswordPolicy passwordPolicy,
			ApplicationEventPublisher events, Clock clock) {
		this.passwordPolicy = passwordPolicy;
		this.crossShop = crossShop;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	/** A fresh token while no operator exists; any earlier unused token stops working. */
	public Optional<String> issueTokenIfNoOperator() {
		Instant now = clock.instant();
		return crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS, "issue operator setup link", jdbc -> {
			if (operatorExists(jdbc)) {
				return Optional.empty();
			}
			jdbc.sql("""
					UPDATE identity.operator_setup_token SET revoked_at = :now
					WHERE used_at IS NULL AND revoked_at IS NULL""").param("now", Timestamp.from(now)).update();
			String token = newToken();
			jdbc.sql("""
					INSERT INTO identity.operator_setup_token (token_hash, created_at, expires_at)
					VALUES (:hash, :now, :expires)""")
				.param("hash", Sha256.of(token))
				.param("now", Timestamp.from(now))
				.param("expires", Timestamp.from(now.plus(VALIDITY)))
				.update();
			return Optional.of(token);
		});
	}

	/** What, if anything, stops this token from being used now. */
	public Optional<SetupTokenProblem> check(String token) {
		return crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS, "check operator setup link",
				jdbc -> problemWith(jdbc, token, false));
	}

	/**
	 * Creates the operator and spends the token, or refuses with the reason. The mail address
	 * is where the operator is told about their account, such as a lock after failed sign-ins.
	 */
	public void complete(String token, String loginId, String email, String password, String confirmation) {
		CredentialRules.loginIdProblem(loginId).ifPresent(SetupOperatorRefusal::raise);
		mailAddressProblem(email).ifPresent(SetupOperatorRefusal::raise);
		passwordPolicy.check(password, new PasswordContext(AccountKind.OPERATOR, loginId, email)).ifPresent(problem -> {
			throw new SetupRefusedException(problem.messageKey(), problem.arguments().toArray());
		});
		if (!password.equals(confirmation)) {
			SetupOperatorRefusal.raise("credentials.password.mismatch");
		}
		String passwordHash = passwords.encode(password);
		Optional<SetupTokenProblem> problem = crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS,
				"complete operator setup for " + loginId, jdbc -> {
					Optional<SetupTokenProblem> found = problemWith(jdbc, token, true);
					if (found.isEmpty()) {
						createOperator(jdbc, token, loginId, email.strip(), passwordHash);
					}
					return found;
				});
		if (problem.isPresent()) {
			events.publishEvent(new SetupLinkRejected(problem.get().name()));
			throw new SetupRefusedException(problem.get().messageKey());
		}
		events.publishEvent(new OperatorCreated(loginId));
	}

	private static Optional<String> mailAddressProblem(String email) {
		if (email == null || email.isBlank()) {
			return Optional.of("setup.email.required");
		}
		String address = email.strip();
		return address.length() <= 254 && MAIL_ADDRESS.matcher(address).matches() ? Optional.empty()
				: Optional.of("setup.email.shape");
	}

	private void createOperator(JdbcClient jdbc, String token, String loginId, String email, String passwordHash) {
		jdbc.sql("INSERT INTO identity.operator_account (login_id, email, password_hash) VALUES (:loginId, :email, :hash)")
			.param("loginId", loginId)
			.param("email", email)
			.param("hash", passwordHash)
			.update();
		jdbc.sql("UPDATE identity.operator_setup_token SET used_at = :now WHERE token_hash = :hash")
			.param("now", Timestamp.from(clock.instant()))
			.param("hash", Sha256.of(token))
			.update();
	}

	private Optional<SetupTokenProblem> problemWith(JdbcClient jdbc, String token, boolean lock) {
		if (token == null || token.isBlank()) {
			return Optional.of(SetupTokenProblem.UNKNOWN);
		}
		String sql = lock ? """
				SELECT used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked, expires_at <= :now AS expired
				FROM identity.operator_setup_token WHERE token_hash = :hash FOR UPDATE""" : """
				SELECT used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked, expires_at <= :now AS expired
				FROM identity.operator_setup_token WHERE token_hash = :hash""";
		Optional<TokenState> state = jdbc.sql(sql)
			.param("hash", Sha256.of(token))
			.param("now", Timestamp.from(clock.instant()))
			.query(TokenState.class)
			.optional();
		if (state.isEmpty()) {
			return Optional.of(SetupTokenProblem.UNKNOWN);
		}
		return state.get().problem().or(() -> operatorExists(jdbc) ? Optional.of(SetupTokenProblem.SETUP_DONE)
				: Optional.empty());
	}

	private static boolean operatorExists(JdbcClient jdbc) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.operator_account)").query(Boolean.class).single();
	}

	private String newToken() {
		byte[] bytes = new byte[TOKEN_BYTES];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	record TokenState(boolean used, boolean revoked, boolean expired) {

		Optional<SetupTokenProblem> problem() {
			if (used) {
				return Optional.of(SetupTokenProblem.USED);
			}
			if (revoked) {
				return Optional.of(SetupTokenProblem.SUPERSEDED);
			}
			return expired ? Optional.of(SetupTokenProblem.EXPIRED) : Optional.empty();
		}

	}

	private static final class SetupOperatorRefusal {

		private SetupOperatorRefusal() {
		}

		static void raise(String messageKey) {
			throw new SetupRefusedException(messageKey);
		}

	}

}
