package org.misemori.storefront.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a kept catalog page is kept under: everything the rendered page depends on that a
 * request carries. The scheme, because the headers differ (HSTS over https); the host, because
 * a shop's own host serves its pages at other paths; the language the page was rendered in.
 */
record PageKey(boolean secure, String host, String uri, String query, String language) {

	static PageKey of(HttpServletRequest request, String language) {
		return new PageKey(request.isSecure(), request.getServerName(), request.getRequestURI(), request.getQueryString(),
				language);
	}

}
