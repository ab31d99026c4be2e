package org.misemori.identity.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

import org.misemori.identity.campaign.ForcedReset;
import org.misemori.identity.campaign.StaffResetLinks;
import org.misemori.identity.environment.SignInEnvironments;
import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.lockout.LoginThrottle;
import org.misemori.identity.lockout.SignInRefusedException;
import org.misemori.identity.lockout.ThrottledAuthenticationProvider;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.platform.ShopDirectory;
import org.misemori.system.WebBaseline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The shop admin at {@code /admin}: shop code, login ID and password, then a TOTP code; the
 * first sign-in forces the authenticator's enrolment. Its own authentication manager, so staff
 * and operators can never sign in at each other's door.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

	@Bean
	@Order(2)
	SecurityFilterChain staffChain(HttpSecurity http, SecurityContextRepository contexts, StaffAccounts staff,
			ShopDirectory shops, PasswordEncoder passwords, LoginThrottle throttle,
			AuthenticationEventPublisher authenticationEvents, SignInEnvironments environments, ForcedReset forcedReset,
			StaffResetLinks resetLinks) throws Exception {
		WebBaseline.apply(http);
		http.securityMatcher("/admin", "/admin/**")
			.securityContext(context -> context.securityContextRepository(contexts))
			.authenticationManager(staffSignIn(staff, shops, passwords, throttle, authenticationEvents))
			.authorizeHttpRequests(requests -> requests.requestMatchers("/admin/login", "/admin/invitation", "/admin/password-reset",
					"/admin/password-reset/request")
				.permitAll()
				.requestMatchers("/admin/2fa", "/admin/2fa/**")
				.access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("STAFF"), passwordOnly()))
				.requestMatchers("/admin/staff", "/admin/staff/**")
				.access(staffWith(StaffPermission.STAFF_ADMIN))
				.requestMatchers("/admin/orders", "/admin/orders/**")
				.access(staffWith(StaffPermission.ORDERS))
				.requestMatchers("/admin/products", "/admin/products/**")
				.access(staffWith(StaffPermission.PRODUCTS))
				// The list shows masked addresses, enough for handling orders; one member's full
				// data is personal data proper.
				.requestMatchers("/admin/members")
				.access(staffWithAnyOf(StaffPermission.MEMBERS_PERSONAL_DATA, StaffPermission.ORDERS))
				.requestMatchers("/admin/members/**")
				.access(staffWith(StaffPermission.MEMBERS_PERSONAL_DATA))
				.requestMatchers("/admin/export/members.csv")
				.access(staffWith(StaffPermission.EXPORT, StaffPermission.MEMBERS_PERSONAL_DATA))
				.requestMatchers("/admin/export/orders.csv")
				.access(staffWith(StaffPermission.EXPORT, StaffPermission.ORDERS))
				.requestMatchers("/admin/export", "/admin/export/**")
				.access(staffWith(StaffPermission.EXPORT))
				.requestMatchers("/admin/settings", "/admin/settings/**", "/admin/coupons", "/admin/coupons/**")
				.access(staffWith(StaffPermission.SETTINGS))
				.requestMatchers("/admin/themes", "/admin/themes/**")
				.access(staffWith(StaffPermission.THEMES))
				.anyRequest()
				.access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("STAFF"), passwordAndSecondFactor())))
			.formLogin(login -> login.loginPage("/admin/login")
				.usernameParameter("loginId")
				.authenticationDetailsSource(StaffLoginDetails::new)
				.successHandler(ForcedResetOnSignIn.forStaff(forcedReset, resetLinks, environments.thenRedirectTo("/admin")))
				.failureHandler(signInFailures())
				.permitAll())
			.logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"))
			.exceptionHandling(errors -> errors.defaultDeniedHandlerForMissingAuthority(
					new LoginUrlAuthenticationEntryPoint("/admin/2fa"), SecondFactorRaise.TOTP_FACTOR))
			.addFilterAfter(new StaffTenantFilter(), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * Staff's own manager, throttled per shop and login ID and per client address, with no
	 * parent (a parent would give a refused attempt a second, unthrottled try). An unknown shop
	 * code counts under shop 0, so guessing shops is throttled the same way.
	 */
	private static AuthenticationManager staffSignIn(StaffAccounts staff, ShopDirectory shops, PasswordEncoder passwords,
			LoginThrottle throttle, AuthenticationEventPublisher authenticationEvents) {
		ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(throttle,
				new StaffAuthenticationProvider(staff, passwords), attempt -> AccountKey.staff(shopIdOf(attempt, shops),
						attempt.getName())));
		manager.setAuthenticationEventPublisher(authenticationEvents);
		return manager;
	}

	private static long shopIdOf(Authentication attempt, ShopDirectory shops) {
		String code = attempt.getDetails() instanceof StaffLoginDetails details ? details.shopCode() : "";
		return shops.findByCode(code).map(shop -> shop.id().value()).orElse(0L);
	}

	private static AuthenticationFailureHandler signInFailures() {
		LinkedHashMap<Class<? extends AuthenticationException>, AuthenticationFailureHandler> handlers = new LinkedHashMap<>();
		handlers.put(SignInRefusedException.class, new SimpleUrlAuthenticationFailureHandler("/admin/login?locked"));
		return new DelegatingAuthenticationFailureHandler(handlers,
				new SimpleUrlAuthenticationFailureHandler("/admin/login?error"));
	}

	/**
	 * Both factors first (a missing code sends the person to give it), then every permission
	 * named: a signed-in staff member without them gets 403.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> staffWith(StaffPermission... permissions) {
		List<AuthorizationManager<RequestAuthorizationContext>> required = new ArrayList<>(
				List.of(AuthorityAuthorizationManager.hasRole("STAFF"), passwordAndSecondFactor()));
		for (StaffPermission permission : permissions) {
			required.add(AuthorityAuthorizationManager.hasAuthority(permission.authority()));
		}
		return AuthorizationManagers.allOf(required.toArray(AuthorizationManager[]::new));
	}

	private static AuthorizationManager<RequestAuthorizationContext> staffWithAnyOf(StaffPermission... permissions) {
		return AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("STAFF"), passwordAndSecondFactor(),
				AuthorityAuthorizationManager
					.hasAnyAuthority(Arrays.stream(permissions).map(StaffPermission::authority).toArray(String[]::new)));
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
					.requireFactor(factor -> factor.authority(SecondFactorRaise.TOTP_FACTOR))
					.build(),
				AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
					.requireFactor(factor -> factor.passwordAuthority())
					.requireFactor(factor -> factor.webauthnAuthority())
					.build());
	}

}
