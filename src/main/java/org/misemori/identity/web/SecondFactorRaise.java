package org.misemori.identity.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Adds the TOTP or passkey factor to a signed-in authentication once it checked out: under a new
 * session id (privilege went up), saved explicitly (since Spring Security 6 nothing saves a
 * changed context implicitly), and returns where the person was going.
 */
@Component
class SecondFactorRaise {

	static final String TOTP_FACTOR = "FACTOR_TOTP";

	/** A passkey given after the password: the other second factor staff and operators may use. */
	static final String PASSKEY_FACTOR = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;

	static final Duration STEP_UP_WINDOW = Duration.ofMinutes(5);

	private final SecurityContextRepository contexts;

	private final Clock clock;

	private final RequestCache requests = new HttpSessionRequestCache();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	SecondFactorRaise(SecurityContextRepository contexts, Clock clock) {
		this.contexts = contexts;
		this.clock = clock;
	}

	/**
	 * Step-up: whether the second factor was given in the last five minutes, as adding staff and
	 * (later) exports and views of personal data demand. A session signed in hours ago is not
	 * enough for them: whoever holds it must show the code again.
	 */
	boolean recentlyGiven(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(FactorGrantedAuthority.class::cast)
			.filter(factor -> TOTP_FACTOR.equals(factor.getAuthority()) || PASSKEY_FACTOR.equals(factor.getAuthority()))
			.anyMatch(factor -> factor.getIssuedAt().isAfter(clock.instant().minus(STEP_UP_WINDOW)));
	}

	String raise(Authentication current, String area, HttpServletRequest request, HttpServletResponse response) {
		return raise(current, TOTP_FACTOR, area, request, response);
	}

	/** Adds {@code factor} (TOTP or passkey) as given now; the principal stays the password's own. */
	String raise(Authentication current, String factor, String area, HttpServletRequest request,
			HttpServletResponse response) {
		Authentication raised = current.toBuilder().authorities(authorities -> {
			authorities.removeIf(a -> factor.equals(a.getAuthority()));
			authorities.add(FactorGrantedAuthority.withAuthority(factor).issuedAt(clock.instant()).build());
		}).build();
		request.changeSessionId();
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(raised);
		holder.setContext(context);
		contexts.saveContext(context, request, response);
		SavedRequest saved = requests.getRequest(request, response);
		requests.removeRequest(request, response);
		return saved == null || !saved.getRedirectUrl().contains(area) ? area : saved.getRedirectUrl();
	}

}
