package org.misemori.identity.web;

import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.lockout.LoginThrottle;

import org.springframework.stereotype.Component;

/**
 * Counts wrong second-factor codes like wrong passwords: with a stolen password, a million
 * six-digit codes would otherwise be there for the guessing. Ten failures lock the account.
 */
@Component
class SecondFactorGuard {

	enum Outcome {

		ACCEPTED, WRONG, REFUSED

	}

	private final LoginThrottle throttle;

	SecondFactorGuard(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	Outcome check(AccountKey account, HttpServletRequest request, BooleanSupplier codeIsRight) {
		String address = request.getRemoteAddr();
		if (!throttle.admit(account, address).isAllowed()) {
			return Outcome.REFUSED;
		}
		if (!codeIsRight.getAsBoolean()) {
			throttle.failed(account, address);
			return Outcome.WRONG;
		}
		return throttle.succeeded(account, address).isAllowed() ? Outcome.ACCEPTED : Outcome.REFUSED;
	}

}
