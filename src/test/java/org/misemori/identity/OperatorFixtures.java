package org.misemori.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.List;

import org.misemori.Databases;

import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Puts the platform back to "no operator yet", as a DBA could, for the setup tests. */
public final class OperatorFixtures {

	public static final String PASSPHRASE = "correct horse battery staple 店守";

	/** Where a test operator is told about their account (a lock, for instance). */
	public static final String EMAIL = "ops@platform.example.jp";

	private OperatorFixtures() {
	}

	/**
	 * A request as an operator who has given both factors, as the console demands. (The real
	 * sign-in, password then TOTP, is exercised end to end in the web tests.)
	 */
	public static RequestPostProcessor signedInOperator(String loginId) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(loginId, null,
				List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"),
						FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).build(),
						FactorGrantedAuthority.withFactor("TOTP").build())));
	}

	/** Both factors given, the code at {@code totpGivenAt}: for step-up rules that want a recent code. */
	public static RequestPostProcessor operatorWithTotpGivenAt(String loginId, java.time.Instant totpGivenAt) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(loginId, null,
				List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"),
						FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).build(),
						FactorGrantedAuthority.withFactor("TOTP").issuedAt(totpGivenAt).build())));
	}

	/** Signed in with the password only: the second factor is still owed. */
	public static RequestPostProcessor operatorWithPasswordOnly(String loginId) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(loginId, null,
				List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"),
						FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).build())));
	}

	public static void noOperatorYet(Environment environment) throws SQLException {
		try (Connection owner = Databases.asOwner(environment); Statement statement = owner.createStatement()) {
			// Earlier tests' failed attempts (all from 127.0.0.1) must not throttle this one.
			statement.execute("DELETE FROM identity.login_bucket");
			statement.execute("DELETE FROM identity.login_failure WHERE account_key LIKE 'operator:%'");
			// Sessions outlive a deleted account by name: a recreated operator must not inherit them.
			statement.execute("DELETE FROM identity.spring_session WHERE principal_name NOT LIKE '%/%'");
			statement.execute("DELETE FROM identity.known_environment WHERE account_key LIKE 'operator:%'");
			statement.execute("DELETE FROM identity.not_me_token WHERE account_key LIKE 'operator:%'");
			statement.execute("DELETE FROM identity.operator_passkey");
			statement.execute("DELETE FROM identity.operator_passkey_user");
			statement.execute("DELETE FROM identity.operator_recovery_code");
			statement.execute("DELETE FROM identity.operator_totp");
			statement.execute("DELETE FROM identity.operator_reset_token");
			statement.execute("DELETE FROM identity.operator_reset_target");
			statement.execute("DELETE FROM identity.operator_account");
			statement.execute("DELETE FROM identity.operator_setup_token");
		}
	}

}
