package org.misemori.identity.web;

import java.util.function.Consumer;

import org.misemori.system.WebBaseline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.RequiredFactor;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The operator console: password, then a second factor, on every route but the sign-in, the
 * one-time setup link and the second-factor pages themselves. Spring Security 7's
 * multi-factor support merges the factors into one authentication; with {@code authorities = {}}
 * it demands them only where these rules say so.
 */
@Configuration(proxyBeanMethods = false)
@EnableMultiFactorAuthentication(authorities = {})
class OperatorSecurityConfiguration {

	static final String TOTP_FACTOR = "FACTOR_TOTP";

	@Bean
	@Order(1)
	SecurityFilterChain operatorChain(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
		WebBaseline.apply(http);
		http.securityMatcher("/operator", "/operator/**", "/actuator", "/actuator/**")
			.securityContext(context -> context.securityContextRepository(contexts))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/operator/login", "/operator/setup", "/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/operator/2fa", "/operator/2fa/**")
				.access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("OPERATOR"), passwordOnly()))
				.anyRequest()
				.access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("OPERATOR"), passwordAndTotp())))
			.formLogin(login -> login.loginPage("/operator/login").defaultSuccessUrl("/operator", false).permitAll())
			.logout(logout -> logout.logoutUrl("/operator/logout").logoutSuccessUrl("/operator/login?logout"))
			.exceptionHandling(errors -> errors.defaultDeniedHandlerForMissingAuthority(
					new LoginUrlAuthenticationEntryPoint("/operator/2fa"), TOTP_FACTOR));
		return http.build();
	}

	private static AuthorizationManager<RequestAuthorizationContext> passwordOnly() {
		return AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
			.requireFactor(factor -> factor.passwordAuthority())
			.build();
	}

	private static AuthorizationManager<RequestAuthorizationContext> passwordAndTotp() {
		Consumer<RequiredFactor.Builder> totp = factor -> factor.authority(TOTP_FACTOR);
		return AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
			.requireFactor(factor -> factor.passwordAuthority())
			.requireFactor(totp)
			.build();
	}

}
