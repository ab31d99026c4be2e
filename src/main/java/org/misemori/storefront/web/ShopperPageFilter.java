package org.misemori.storefront.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves anonymous shoppers' catalog pages (home, product, collection, search) from
 * {@link ShopperPageCache}, ahead of the shop look-up, Spring Security and Spring MVC: a kept
 * page is answered with the status, headers and body the whole chain gave it, with this
 * response's own CSP nonce and this shopper's own CSRF token. On a miss the page goes through
 * the whole chain as always and is kept if it marked itself keepable ({@link PageCapture}).
 *
 * <p>Only requests that the chain would answer the same for everyone come here: GET, no
 * session cookie (a signed-in member's requests always go the whole way, so their session is
 * loaded, checked and touched), no {@code lang} switch (it sets a cookie). A page whose
 * response sets a cookie, or that is not a 200, is never kept.
 */
class ShopperPageFilter extends OncePerRequestFilter {

	/** The catalog pages' paths, under {@code /s/{code}} or on a shop's own host. */
	private static final Pattern CATALOG_PAGE = Pattern
		.compile("^(/s/[a-z0-9-]+)?/(products/[^/]+|collections/[^/]+|search)?$");

	private static final Pattern NONCE = Pattern.compile("'nonce-[A-Za-z0-9+/=]+'");

	private final ShopperPageCache cache;

	private final LocaleResolver locales;

	private final CsrfTokenRepository csrfTokens;

	private final String sessionCookie;

	private final SecureRandom random = new SecureRandom();

	ShopperPageFilter(ShopperPageCache cache, LocaleResolver locales, CsrfTokenRepository csrfTokens,
			String sessionCookie) {
		this.cache = cache;
		this.locales = locales;
		this.csrfTokens = csrfTokens;
		this.sessionCookie = sessionCookie;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || request.getParameter("lang") != null || hasSession(request)
				|| !CATALOG_PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PageKey key = PageKey.of(request, language(request));
		Optional<CachedPage> kept = cache.fresh(key);
		if (kept.isPresent()) {
			replay(kept.get(), request, response);
			return;
		}
		PageCapture capture = PageCapture.start(request, csrfTokens.generateToken(request));
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, captured);
		if (response.isCommitted()) {
			// sendError: the container writes the error page itself.
			captured.copyBodyToResponse();
			return;
		}
		byte[] body = captured.getContentAsByteArray();
		CachedPage page = new CachedPage(capture.shop(), capture.generation(), captured.getStatus(),
				captured.getContentType(), headersOf(response), CachedPage.split(body));
		if (capture.isKeepable() && page.status() == HttpServletResponse.SC_OK
				&& response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()) {
			cache.keep(key, page);
		}
		write(page, request, response);
	}

	private void replay(CachedPage page, HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(page.status());
		response.setContentType(page.contentType());
		String nonce = nonce();
		for (CachedPage.Header header : page.headers()) {
			String value = header.name().equalsIgnoreCase("Content-Security-Policy")
					? NONCE.matcher(header.value()).replaceAll("'nonce-" + nonce + "'") : header.value();
			response.addHeader(header.name(), value);
		}
		write(page, request, response);
	}

	private void write(CachedPage page, HttpServletRequest request, HttpServletResponse response) throws IOException {
		byte[] body = page.hasForms() ? page.body(csrfToken(request, response)) : page.body("");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/**
	 * This shopper's masked token, as Spring Security's CSRF filter gives it to a page: the
	 * one that filter already prepared when the page went through the chain, else from the
	 * token cookie (set now when the shopper has none yet).
	 */
	private String csrfToken(HttpServletRequest request, HttpServletResponse response) {
		if (!(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken)) {
			DeferredCsrfToken deferred = csrfTokens.loadDeferredToken(request, response);
			new XorCsrfTokenRequestAttributeHandler().handle(request, response, deferred::get);
		}
		return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
	}

	private static List<CachedPage.Header> headersOf(HttpServletResponse response) {
		List<CachedPage.Header> headers = new ArrayList<>();
		for (String name : response.getHeaderNames()) {
			if (!name.equalsIgnoreCase(HttpHeaders.SET_COOKIE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
					&& !name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
				response.getHeaders(name).forEach(value -> headers.add(new CachedPage.Header(name, value)));
			}
		}
		return List.copyOf(headers);
	}

	private String language(HttpServletRequest request) {
		Locale locale = locales.resolveLocale(request);
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "ja";
	}

	private boolean hasSession(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (sessionCookie.equals(cookie.getName())) {
					return true;
				}
			}
		}
		return false;
	}

	private String nonce() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
