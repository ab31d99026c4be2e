package org.misemori.system.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Japanese first. A visitor's {@code ?lang=en} (the switch on every page) is remembered in a
 * cookie; without it, the browser's Accept-Language picks between Japanese and English.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.JAPANESE, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("misemori_lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") == null ? Locale.JAPANESE
				: bestSupported(request.getLocales().asIterator()));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		// Product images are served cookieless (they may sit on an asset origin of their own).
		registry.addInterceptor(interceptor).excludePathPatterns("/s/*/images/**");
	}

	private static Locale bestSupported(java.util.Iterator<Locale> preferred) {
		while (preferred.hasNext()) {
			String language = preferred.next().getLanguage();
			for (Locale supported : SUPPORTED) {
				if (supported.getLanguage().equals(language)) {
					return supported;
				}
			}
		}
		return Locale.JAPANESE;
	}

}
