package org.misemori.payment.web;

import org.misemori.system.WebBaseline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The webhook endpoint's own chain. A provider's server calls it, not a browser: no cookie, no
 * session, so no CSRF token can exist; what authenticates a webhook is its HMAC signature,
 * verified over the raw body before anything is read from it.
 */
@Configuration(proxyBeanMethods = false)
class ProviderWebhookSecurity {

	@Bean
	@Order(3)
	SecurityFilterChain providerWebhookChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/payments/webhooks/**");
		WebBaseline.apply(http);
		http.csrf(csrf -> csrf.disable());
		http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.requestCache(cache -> cache.disable());
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
		return http.build();
	}

}
