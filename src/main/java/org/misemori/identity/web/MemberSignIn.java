package org.misemori.identity.web;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.lockout.LoginThrottle;
import org.misemori.identity.member.MemberPrincipal;
import org.misemori.identity.twofactor.MemberSecondFactor;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopId;
import org.misemori.system.WebBaseline;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * What follows a member's right password. Without a second factor they are signed in. With
 * one, the session only remembers that the password was given ({@link PasswordGiven}): no
 * principal, so nothing of the account is reachable, until a code completes the sign-in within
 * five minutes. The second factor is looked up only after the password matched, so whoever
 * does not know the password cannot tell from the first step whether the account has one.
 */
@Component
class MemberSignIn {

	static final Duration PENDING_VALIDITY = Duration.ofMinutes(5);

	static final String PENDING = MemberSignIn.class.getName() + ".PASSWORD_GIVEN";

	private final MemberSecondFactor secondFactor;

	private final LoginThrottle throttle;

	private final SecurityContextRepository contexts;

	private final Clock clock;

	MemberSignIn(MemberSecondFactor secondFactor, LoginThrottle throttle, SecurityContextRepository contexts, Clock clock) {
		this.secondFactor = secondFactor;
		this.throttle = throttle;
		this.contexts = contexts;
		this.clock = clock;
	}

	/** Where the browser goes next: the member's page, or the code step. */
	String afterPassword(MemberPrincipal member, AccountKey account, String base, HttpServletRequest request,
			HttpServletResponse response) {
		if (!secondFactor.isEnabled(member.shopId(), member.memberId())) {
			throttle.succeeded(account, request.getRemoteAddr());
			signIn(member, request, response);
			return base + "/account";
		}
		// The failures are not forgiven yet: a right password followed by wrong codes, again and
		// again, must keep slowing down, or the password would reset the count of guessed codes.
		contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
		SecurityContextHolder.clearContext();
		request.getSession().setAttribute(PENDING, new PasswordGiven(member.shopId(), member.memberId(), member.email(),
				account.name(), clock.instant()));
		request.changeSessionId();
		return base + "/account/two-factor/code";
	}

	/** The pending sign-in of this shop, if the password was given less than five minutes ago. */
	Optional<PasswordGiven> pending(Shop shop, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PENDING) instanceof PasswordGiven given)) {
			return Optional.empty();
		}
		if (!given.shopId().equals(shop.id()) || !given.at().plus(PENDING_VALIDITY).isAfter(clock.instant())) {
			session.removeAttribute(PENDING);
			return Optional.empty();
		}
		return Optional.of(given);
	}

	/** The code checked out: the pending state goes, and the member is signed in. */
	void complete(PasswordGiven given, HttpServletRequest request, HttpServletResponse response) {
		request.getSession().removeAttribute(PENDING);
		signIn(given.member(), request, response);
	}

	void signIn(MemberPrincipal member, HttpServletRequest request, HttpServletResponse response) {
		var authentication = UsernamePasswordAuthenticationToken.authenticated(member, null,
				List.of(new SimpleGrantedAuthority("ROLE_MEMBER"),
						FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).build()));
		request.getSession();
		request.changeSessionId();
		// A new CSRF token for the signed-in session, as Spring Security's own form login does.
		WebBaseline.rotatePublicCsrfToken(request, response);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	/**
	 * "This session gave the password of this member at this time" — nothing more: no
	 * principal, no authentication; the member is made one only when the code checks out.
	 * @param accountName the throttling key's name, from the address as typed
	 */
	record PasswordGiven(ShopId shopId, long memberId, String email, String accountName, Instant at)
			implements Serializable {

		AccountKey account() {
			return AccountKey.member(shopId.value(), accountName);
		}

		MemberPrincipal member() {
			return new MemberPrincipal(shopId, memberId, email);
		}

	}

}
