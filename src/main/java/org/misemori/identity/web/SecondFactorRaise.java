package org.misemori.identity.web;

import java.time.Clock;

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
 * Adds the TOTP factor to a signed-in authentication once its code checked out: under a new
 * session id (privilege went up), saved explicitly (since Spring Security 6 nothing saves a
 * changed context implicitly), and returns where the person was going.
 */
@Component
class SecondFactorRaise {

	static final String TOTP_FACTOR = "FACTOR_TOTP";

	private final SecurityContextRepository contexts;

	private final Clock clock;

	private final RequestCache requests = new HttpSessionRequestCache();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	SecondFactorRaise(SecurityContextRepository contexts, Clock clock) {
		this.contexts = contexts;
		this.clock = clock;
	}

	String raise(Authentication current, String area, HttpServletRequest request, HttpServletResponse response) {
		Authentication raised = current.toBuilder().authorities(authorities -> {
			authorities.removeIf(a -> TOTP_FACTOR.equals(a.getAuthority()));
			authorities.add(FactorGrantedAuthority.withAuthority(TOTP_FACTOR).issuedAt(clock.instant()).build());
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
