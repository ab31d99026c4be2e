package org.misemori.storefront.web;

import org.misemori.system.WebBaseline;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class ShopperPageCacheConfiguration {

	/** Ahead of the shop look-up (HIGHEST_PRECEDENCE + 20) and of Spring Security. */
	@Bean
	FilterRegistrationBean<ShopperPageFilter> shopperPageFilter(ShopperPageCache cache, LocaleResolver locales,
			@Value("${server.servlet.session.cookie.name}") String sessionCookie,
			@Value("${misemori.storefront.page-cache.enabled:true}") boolean enabled) {
		FilterRegistrationBean<ShopperPageFilter> registration = new FilterRegistrationBean<>(
				new ShopperPageFilter(cache, locales, WebBaseline.publicCsrfTokens(), sessionCookie));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setEnabled(enabled);
		return registration;
	}

}
