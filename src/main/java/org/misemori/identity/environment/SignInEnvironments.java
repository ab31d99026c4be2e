package org.misemori.identity.environment;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.staff.StaffMember;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Looks at the environment of every successful password sign-in of an operator or staff
 * member: the signed device cookie (set now if absent), the browser family and the network.
 * An environment new to the account is recorded and its holder alerted by {@link NewEnvironmentAlert}.
 * Runs as the sign-in's success handler, because it must read and set the device cookie.
 */
@Component
public class SignInEnvironments {

	private static final String PURPOSE = "environment";

	private final DeviceCookie devices;

	private final EnvironmentKey key;

	private final NewEnvironmentAlert alert;

	private final Clock clock;

	SignInEnvironments(DeviceCookie devices, EnvironmentKey key, NewEnvironmentAlert alert, Clock clock) {
		this.devices = devices;
		this.key = key;
		this.alert = alert;
		this.clock = clock;
	}

	/**
	 * A success handler that checks the environment, then does what {@code defaultSuccessUrl(url, false)}
	 * would: back to the page that asked for the sign-in, else to {@code defaultTargetUrl}.
	 */
	public AuthenticationSuccessHandler thenRedirectTo(String defaultTargetUrl) {
		SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
		redirect.setDefaultTargetUrl(defaultTargetUrl);
		return (request, response, authentication) -> {
			check(authentication, request, response);
			redirect.onAuthenticationSuccess(request, response, authentication);
		};
	}

	void check(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		String deviceId = devices.deviceId(request, response);
		String browser = BrowserFamily.of(request.getHeader(HttpHeaders.USER_AGENT));
		String network = Networks.of(request.getRemoteAddr());
		byte[] environment = key.mac(PURPOSE, deviceId, browser, network);
		alert.onSignIn(accountOf(authentication), authentication.getName(),
				new AlertMail.SignIn(clock.instant(), request.getRemoteAddr(), browser, environment));
	}

	private static AccountKey accountOf(Authentication authentication) {
		if (authentication.getPrincipal() instanceof StaffMember staff) {
			String name = staff.getUsername();
			return AccountKey.staff(staff.shopId().value(), name.substring(name.indexOf('/') + 1));
		}
		return AccountKey.operator(authentication.getName());
	}

}
