package org.misemori.system;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The headers every response carries, whichever security filter chain serves it: each module
 * that declares a chain (operator console, shop admin, storefront) applies this first.
 */
public final class WebBaseline {

	private static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "interest-cohort=()";

	private WebBaseline() {
	}

	/** Product images may come from {@code misemori.assets.origin}: pages must be allowed to show them. */
	private static String assetOrigin(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		return context == null ? "" : context.getEnvironment().getProperty("misemori.assets.origin", "");
	}

	public static HttpSecurity apply(HttpSecurity http) throws Exception {
		http.headers(headers -> headers.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
		http.addFilterBefore(new ContentSecurityPolicyFilter(assetOrigin(http)), HeaderWriterFilter.class);
		return http;
	}

}
