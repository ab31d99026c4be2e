package org.misemori.platform.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.misemori.platform.ShopDirectory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class ShopWebConfiguration {

	/**
	 * Ahead of Spring Security, so that the security rules and everything after them see a
	 * custom-host request under its {@code /s/{code}} path.
	 */
	@Bean
	FilterRegistrationBean<ShopContextFilter> shopContextFilter(ShopDirectory shops,
			@Value("${misemori.platform-hosts:localhost,127.0.0.1}") List<String> platformHosts) {
		FilterRegistrationBean<ShopContextFilter> registration = new FilterRegistrationBean<>(
				new ShopContextFilter(shops, Set.copyOf(new HashSet<>(platformHosts))));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
