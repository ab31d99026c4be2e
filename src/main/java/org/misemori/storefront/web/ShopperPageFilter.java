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

import org.misemori.system.WebBaseline;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
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
		boolean keepable = capture.isKeepable() && captured.getStatus() == HttpServletResponse.SC_OK
				&& response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty();
		CachedPage page = new CachedPage(capture.shop(), capture.generation(), captured.getStatus(),
				captured.getContentType(), keepable ? headersOf(response) : List.of(), CachedPage.split(body));
		if (keepable) {
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
	 * This shopper's masked token, for the token cookie they will hold after this response:
	 * the one this response sets (the chain may have set or replaced it), else the one they
	 * sent, else a new one set now. Worked out here from the cookies rather than taken from
	 * the chain's deferred token, so that the page's token and the cookie cannot disagree
	 * whichever filter touched either.
	 */
	private String csrfToken(HttpServletRequest request, HttpServletResponse response) {
		CsrfToken names = csrfTokens.generateToken(request);
		CsrfToken raw = tokenSetBy(response)
			.map(value -> (CsrfToken) new DefaultCsrfToken(names.getHeaderName(), names.getParameterName(), value))
			.or(() -> Optional.ofNullable(csrfTokens.loadToken(request)))
			.orElseGet(() -> {
				csrfTokens.saveToken(names, request, response);
				return names;
			});
		new XorCsrfTokenRequestAttributeHandler().handle(request, response, () -> raw);
		return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
	}

	/** The raw token of the last token cookie this response sets, if it sets one with a value. */
	private static Optional<String> tokenSetBy(HttpServletResponse response) {
		String prefix = WebBaseline.PUBLIC_CSRF_COOKIE + "=";
		String value = null;
		for (String header : response.getHeaders(HttpHeaders.SET_COOKIE)) {
			if (header.startsWith(prefix)) {
				int end = header.indexOf(';');
				value = header.substring(prefix.length(), end < 0 ? header.length() : end);
			}
		}
		return Optional.ofNullable(value).filter(token -> !token.isEmpty());
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
