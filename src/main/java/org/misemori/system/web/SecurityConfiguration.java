package org.misemori.system.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	private static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "interest-cohort=()";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/operator/login", "/operator/setup", "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/operator", "/operator/**", "/actuator", "/actuator/**")
			.hasRole("OPERATOR")
			.anyRequest()
			.permitAll());
		http.formLogin(login -> login.loginPage("/operator/login").defaultSuccessUrl("/operator", true).permitAll());
		http.logout(logout -> logout.logoutUrl("/operator/logout").logoutSuccessUrl("/operator/login?logout"));
		http.headers(headers -> headers.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
		http.addFilterBefore(new ContentSecurityPolicyFilter(), HeaderWriterFilter.class);
		return http.build();
	}

}
