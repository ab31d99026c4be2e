package org.misemori.identity.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a login ID and a password must be. Staff and operator login IDs are never email
 * addresses (System Five's checklist: an email is guessable and reused elsewhere).
 * Passwords follow NIST SP 800-63B rev. 4: length, no composition rules.
 */
public final class CredentialRules {

	static final int OPERATOR_PASSWORD_MIN = 15;

	static final int PASSWORD_MAX = 128;

	private static final Pattern LOGIN_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

	private CredentialRules() {
	}

	/** The message key of what is wrong with the login ID, if anything. */
	public static Optional<String> loginIdProblem(String loginId) {
		if (loginId == null || loginId.isBlank()) {
			return Optional.of("credentials.login-id.required");
		}
		if (loginId.contains("@")) {
			return Optional.of("credentials.login-id.email");
		}
		if (!LOGIN_ID.matcher(loginId).matches()) {
			return Optional.of("credentials.login-id.shape");
		}
		return Optional.empty();
	}

	/** The message key of what is wrong with an operator's new password, if anything. */
	public static Optional<String> operatorPasswordProblem(String loginId, String password, String confirmation) {
		if (password == null || password.codePointCount(0, password.length()) < OPERATOR_PASSWORD_MIN) {
			return Optional.of("credentials.password.too-short");
		}
		if (password.length() > PASSWORD_MAX) {
			return Optional.of("credentials.password.too-long");
		}
		if (password.equalsIgnoreCase(loginId)) {
			return Optional.of("credentials.password.is-login-id");
		}
		if (!password.equals(confirmation)) {
			return Optional.of("credentials.password.mismatch");
		}
		return Optional.empty();
	}

}
