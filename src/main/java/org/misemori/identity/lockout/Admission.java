package org.misemori.identity.lockout;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether a sign-in attempt may go on to the password check, and if not why and for how long.
 * The reason is for logs and the audit trail; what the person signing in is told must not
 * depend on it (see {@link SignInRefusedException}).
 */
public record Admission(Refusal refusal, Duration retryAfter) {

	private static final Admission ALLOWED = new Admission(null, Duration.ZERO);

	public Admission {
		Objects.requireNonNull(retryAfter, "retryAfter");
	}

	public static Admission allowed() {
		return ALLOWED;
	}

	public static Admission refused(Refusal refusal, Duration retryAfter) {
		return new Admission(Objects.requireNonNull(refusal, "refusal"), retryAfter);
	}

	public boolean isAllowed() {
		return refusal == null;
	}

	/** Why an attempt was turned away before its password was looked at. */
	public enum Refusal {

		/** Too many attempts from this client address (credential stuffing from one place). */
		ADDRESS_LIMIT,
		/** Too many attempts at this account in a short time. */
		ACCOUNT_LIMIT,
		/** The account is locked after consecutive failures (operators and staff). */
		LOCKED,
		/** The member's next attempt must wait a little longer after each failure. */
		DELAYED

	}

}
