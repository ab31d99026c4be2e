package org.misemori.platform;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The shop a storefront request is for, as resolved from {@code /s/{code}/…} or from the
 * shop's own host name, with the base path its links start from ({@code /s/demo} or empty).
 */
public record ShopRequest(Shop shop, String basePath) {

	private static final String ATTRIBUTE = ShopRequest.class.getName();

	public static Optional<ShopRequest> of(HttpServletRequest request) {
		return Optional.ofNullable((ShopRequest) request.getAttribute(ATTRIBUTE));
	}

	public void attachTo(HttpServletRequest request) {
		request.setAttribute(ATTRIBUTE, this);
	}

}
