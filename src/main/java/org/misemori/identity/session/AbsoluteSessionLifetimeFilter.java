package org.misemori.identity.session;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session twelve hours after it began, however busy it has been: the idle timeout alone
 * would let a stolen, constantly used session live for ever. Spring Session has no absolute
 * lifetime of its own.
 */
final class AbsoluteSessionLifetimeFilter extends OncePerRequestFilter {

	static final Duration ABSOLUTE_LIFETIME = Duration.ofHours(12);

	private final Clock clock;

	AbsoluteSessionLifetimeFilter(Clock clock) {
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null
				&& Instant.ofEpochMilli(session.getCreationTime()).plus(ABSOLUTE_LIFETIME).isBefore(clock.instant())) {
			session.invalidate();
		}
		chain.doFilter(request, response);
	}

}
