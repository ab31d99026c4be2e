package org.misemori.storefront.web;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.platform.ShopId;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * A catalog page being rendered to be kept ({@link ShopperPageFilter}). Such a page carries a
 * placeholder where its forms' CSRF token goes, never a shopper's token, so that a kept page
 * can hold no shopper's secret; each response replaces the placeholder with its own shopper's
 * token. The page marks itself keepable by saying which shop and storefront generation its
 * data was read at; a page that does not (an error, a cart) is passed on and not kept.
 */
final class PageCapture {

	/** Random per process: no template or request can know it in advance. */
	static final String TOKEN_PLACEHOLDER = "csrf-placeholder-" + HexFormat.of().formatHex(randomBytes());

	private static final String ATTRIBUTE = PageCapture.class.getName();

	private final String csrfParameter;

	private final String csrfHeader;

	private ShopId shop;

	private long generation;

	private PageCapture(CsrfToken names) {
		this.csrfParameter = names.getParameterName();
		this.csrfHeader = names.getHeaderName();
	}

	/** {@code names}: any token of the repository, for its parameter and header names. */
	static PageCapture start(HttpServletRequest request, CsrfToken names) {
		PageCapture capture = new PageCapture(names);
		request.setAttribute(ATTRIBUTE, capture);
		return capture;
	}

	static PageCapture of(HttpServletRequest request) {
		return (PageCapture) request.getAttribute(ATTRIBUTE);
	}

	String csrfParameter() {
		return csrfParameter;
	}

	String csrfHeader() {
		return csrfHeader;
	}

	void readAt(ShopId shop, long generation) {
		this.shop = shop;
		this.generation = generation;
	}

	boolean isKeepable() {
		return shop != null;
	}

	ShopId shop() {
		return shop;
	}

	long generation() {
		return generation;
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
