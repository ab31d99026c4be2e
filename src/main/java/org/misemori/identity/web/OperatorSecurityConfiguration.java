package org.misemori.identity.web;

import java.util.LinkedHashMap;

import org.misemori.identity.campaign.OperatorResetLinks;
import org.misemori.identity.environment.SignInEnvironments;
import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.lockout.LoginThrottle;
import org.misemori.identity.lockout.SignInRefusedException;
import org.misemori.identity.lockout.ThrottledAuthenticationProvider;
import org.misemori.system.WebBaseline;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The operator console: password, then a second factor, on every route but the sign-in, the
 * one-time setup link and the second-factor pages themselves. Spring Security 7's
 * multi-factor support merges the factors into one authentication; with {@code authorities = {}}
 * it demands them only where these rules say so. Sign-in goes through the
 * {@link LoginThrottle}: a locked account or an exhausted limit is refused before the password
 * is checked.
 */
@Configuration(proxyBeanMethods = false)
@EnableMultiFactorAuthentication(authorities = {})
class OperatorSecurityConfiguration {

	static final String TOTP_FACTOR = "FACTOR_TOTP";

	@Bean
	@Order(1)
	SecurityFilterChain operatorChain(HttpSecurity http, SecurityContextRepository contexts,
			@Qualifier("operatorAccounts") UserDetailsService operators, PasswordEncoder passwords, LoginThrottle throttle,
			AuthenticationEventPublisher authenticationEvents, SignInEnvironments environments,
			OperatorResetLinks resetLinks) throws Exception {
		WebBaseline.apply(http);
		http.securityMatcher("/operator", "/operator/**", "/actuator", "/actuator/**")
			.securityContext(context -> context.securityContextRepository(contexts))
			.authenticationManager(operatorSignIn(operators, passwords, throttle, authenticationEvents))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/operator/login", "/operator/setup", "/operator/password-reset",
						"/operator/password-reset/request", "/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/operator/2fa", "/operator/2fa/**")
				.access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("OPERATOR"), passwordOnly()))
				.anyRequest()
				.access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("OPERATOR"), passwordAndSecondFactor())))
			.formLogin(login -> login.loginPage("/operator/login")
				.successHandler(ForcedResetOnSignIn.forOperators(resetLinks, environments.thenRedirectTo("/operator")))
				.failureHandler(signInFailures())
				.permitAll())
			.logout(logout -> logout.logoutUrl("/operator/logout").logoutSuccessUrl("/operator/login?logout"))
			.exceptionHandling(errors -> errors.defaultDeniedHandlerForMissingAuthority(
					new LoginUrlAuthenticationEntryPoint("/operator/2fa"), TOTP_FACTOR));
		return http.build();
	}

	/**
	 * The operators' own manager, with no parent: a parent would give a refused or failed
	 * attempt a second, unthrottled try against the global one. Events go to the audit log.
	 */
	private static AuthenticationManager operatorSignIn(UserDetailsService operators, PasswordEncoder passwords,
			LoginThrottle throttle, AuthenticationEventPublisher authenticationEvents) {
		DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(operators);
		passwordCheck.setPasswordEncoder(passwords);
		// Raised Argon2id parameters reach existing hashes at the next sign-in.
		if (operators instanceof UserDetailsPasswordService upgrades) {
			passwordCheck.setUserDetailsPasswordService(upgrades);
		}
		ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(throttle, passwordCheck,
				attempt -> AccountKey.operator(attempt.getName())));
		manager.setAuthenticationEventPublisher(authenticationEvents);
		return manager;
	}

	/** "Try again later" for a throttled attempt, whatever its reason; "wrong ID or password" otherwise. */
	private static AuthenticationFailureHandler signInFailures() {
		LinkedHashMap<Class<? extends AuthenticationException>, AuthenticationFailureHandler> handlers = new LinkedHashMap<>();
		handlers.put(SignInRefusedException.class, new SimpleUrlAuthenticationFailureHandler("/operator/login?locked"));
		return new DelegatingAuthenticationFailureHandler(handlers,
				new SimpleUrlAuthenticationFailureHandler("/operator/login?error"));
	}

	private static AuthorizationManager<RequestAuthorizationContext> passwordOnly() {
		return AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
			.requireFactor(factor -> factor.passwordAuthority())
			.build();
	}

	/**
	 * Password and a second factor: TOTP or a passkey. TOTP is listed first, so a missing second
	 * factor sends the person to the code page, which offers the passkey as well.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> passwordAndSecondFactor() {
		return AllRequiredFactorsAuthorizationManager.anyOf(
				AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
					.requireFactor(factor -> factor.passwordAuthority())
					.requireFactor(factor -> factor.authority(TOTP_FACTOR))
					.build(),
				AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
					.requireFactor(factor -> factor.passwordAuthority())
					.requireFactor(factor -> factor.webauthnAuthority())
					.build());
	}

}
