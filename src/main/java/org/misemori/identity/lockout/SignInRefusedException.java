package org.misemori.identity.lockout;

import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused by the throttle before the password was checked, so that the answer is the
 * same whether the password was right or not. A {@link LockedException}, so that Spring
 * Security's provider chain stops at once instead of trying another provider.
 */
public class SignInRefusedException extends LockedException {

	private final transient Admission admission;

	public SignInRefusedException(Admission admission) {
		super("Sign-in refused by the throttle: " + admission.refusal());
		this.admission = admission;
	}

	public Admission admission() {
		return admission;
	}

}
