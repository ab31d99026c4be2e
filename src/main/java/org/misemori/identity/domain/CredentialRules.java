package org.misemori.identity.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a login ID and a password must be. Staff and operator login IDs are never email
 * addresses (System Five's checklist: an email is guessable and reused elsewhere).
 * Passwords are {@link org.misemori.identity.password.PasswordPolicy}'s.
 */
public final class CredentialRules {

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

}
