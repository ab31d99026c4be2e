package org.misemori.system;

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

	public static HttpSecurity apply(HttpSecurity http) throws Exception {
		http.headers(headers -> headers.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
		http.addFilterBefore(new ContentSecurityPolicyFilter(), HeaderWriterFilter.class);
		return http;
	}

}
