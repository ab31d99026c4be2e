package org.misemori.identity.lockout;

import java.util.function.Function;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the {@link LoginThrottle} around a password check. Wrapping the provider, rather than
 * listening to Spring Security's failure events, keeps the three steps in one place and in
 * order: the refusal must come before the password is looked at, a failure is counted before
 * the answer goes back (so the next attempt, on any node, sees it), and only a wrong password
 * or unknown name counts, never a refusal by the throttle itself or a database outage.
 * <p>
 * Use it as the only provider of a {@code ProviderManager} without a parent: a parent would
 * get a second, uncounted try at the password after this one said no.
 */
public final class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final LoginThrottle throttle;

	private final AuthenticationProvider passwordCheck;

	private final Function<Authentication, AccountKey> accountOf;

	/**
	 * @param passwordCheck the provider that checks the password; it must answer an unknown
	 * name with {@link BadCredentialsException} too (Spring's default), so both are counted
	 * @param accountOf the attempted account's key, from the sign-in request
	 */
	public ThrottledAuthenticationProvider(LoginThrottle throttle, AuthenticationProvider passwordCheck,
			Function<Authentication, AccountKey> accountOf) {
		this.throttle = throttle;
		this.passwordCheck = passwordCheck;
		this.accountOf = accountOf;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		AccountKey account = accountOf.apply(attempt);
		String clientAddress = clientAddress(attempt);
		Admission admission = throttle.admit(account, clientAddress);
		if (!admission.isAllowed()) {
			throw new SignInRefusedException(admission);
		}
		Authentication authenticated;
		try {
			authenticated = passwordCheck.authenticate(attempt);
		}
		catch (BadCredentialsException ex) {
			throttle.failed(account, clientAddress);
			throw ex;
		}
		if (authenticated != null) {
			Admission completion = throttle.succeeded(account, clientAddress);
			if (!completion.isAllowed()) {
				throw new SignInRefusedException(completion);
			}
		}
		return authenticated;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return passwordCheck.supports(authentication);
	}

	private static String clientAddress(Authentication attempt) {
		return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
	}

}
