package org.misemori.system.web;

import org.misemori.system.WebBaseline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The chain for everything no module claims: storefronts, the landing page, static assets,
 * error pages. Public pages, but with the baseline headers and CSRF protection (tokens in a
 * cookie, see {@link WebBaseline#publicCsrfTokens()}). The operator
 * console's chain is the identity module's.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
		WebBaseline.apply(http);
		// Tokens in a cookie: an anonymous storefront page view must not create a session.
		http.csrf(csrf -> csrf.csrfTokenRepository(WebBaseline.publicCsrfTokens()));
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
		return http.build();
	}

	/**
	 * No observation around each security filter and each authorization decision: with an
	 * observation registry present (actuator), Spring Security wraps every filter of every
	 * request in a start/stop observation with a timer, a quarter of the cost of serving a
	 * static file. Requests are still timed once, as {@code http.server.requests}; sign-ins
	 * are still observed (rare, and worth a metric).
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(false)
			.shouldObserveAuthorizations(false)
			.build();
	}

}
