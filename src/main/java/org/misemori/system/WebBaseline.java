package org.misemori.system;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
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

	/**
	 * The public chain's CSRF tokens (storefronts, shoppers' accounts): kept in a cookie, not
	 * in the session, so that an anonymous page view writes no session row — each themed page
	 * carries a form and so a token, and a session per page view was the storefront's largest
	 * cost. HttpOnly (forms carry the token server-rendered; no script needs it), SameSite=Lax,
	 * Secure whenever the request is. The form's copy is masked per response (BREACH), the
	 * cookie holds the raw token.
	 */
	/** The cookie holding the public chain's raw CSRF token. */
	public static final String PUBLIC_CSRF_COOKIE = "misemori_csrf";

	private static final String CSP = "Content-Security-Policy";

	private static final CsrfTokenRepository PUBLIC_CSRF_TOKENS = publicCsrfTokenRepository();

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

	/**
	 * This response's script nonce, for a page not drawn by Thymeleaf (a themed page) that adds
	 * one fixed script of Misemori's own; never given to theme code.
	 */
	public static Optional<String> scriptNonce(HttpServletRequest request) {
		return request.getAttribute(ContentSecurityPolicyFilter.NONCE_ATTRIBUTE) instanceof String nonce
				? Optional.of(nonce) : Optional.empty();
	}

	/**
	 * Lets this response's forms lead to {@code origin} too: the page whose "place order" is
	 * answered with a redirect to a payment provider (browsers apply {@code form-action} to the
	 * redirect as well). Only the named origin is added, to this response only.
	 */
	public static void allowFormsTo(HttpServletResponse response, String origin) {
		widen(response, "form-action 'self'", origin);
	}

	/** Lets this response frame {@code origin}: the fixed page that holds a provider's card fields. */
	public static void allowFramesFrom(HttpServletResponse response, String origin) {
		String policy = response.getHeader(CSP);
		if (policy != null && !policy.contains("frame-src")) {
			response.setHeader(CSP, policy + "; frame-src " + checkedOrigin(origin));
		}
	}

	/** No script at all on this response, not even one carrying the nonce: the pinned payment page. */
	public static void forbidScripts(HttpServletResponse response) {
		String policy = response.getHeader(CSP);
		if (policy != null) {
			response.setHeader(CSP, policy.replaceAll("script-src [^;]*", "script-src 'none'"));
		}
	}

	private static void widen(HttpServletResponse response, String directive, String origin) {
		String policy = response.getHeader(CSP);
		if (policy != null && policy.contains(directive)) {
			response.setHeader(CSP, policy.replace(directive, directive + " " + checkedOrigin(origin)));
		}
	}

	/** An origin only (scheme, host, port): nothing that could end a directive or start another. */
	private static String checkedOrigin(String origin) {
		if (!origin.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?|http://\\[[0-9a-fA-F:]+\\](:[0-9]{1,5})?")) {
			throw new IllegalArgumentException("Not an origin: " + origin);
		}
		return origin;
	}

	/** Where the public chain keeps its CSRF tokens: see {@link #PUBLIC_CSRF_TOKENS}. */
	public static CsrfTokenRepository publicCsrfTokens() {
		return PUBLIC_CSRF_TOKENS;
	}

	/**
	 * A new CSRF token at sign-in on the public chain, as Spring Security's own form login does
	 * (a token known before sign-in must not work after it): the cookie is replaced in this
	 * response and the request's token attributes point at the new one, so a page rendered by
	 * this same request already carries it.
	 */
	public static void rotatePublicCsrfToken(HttpServletRequest request, HttpServletResponse response) {
		CsrfToken fresh = PUBLIC_CSRF_TOKENS.generateToken(request);
		PUBLIC_CSRF_TOKENS.saveToken(fresh, request, response);
		new XorCsrfTokenRequestAttributeHandler().handle(request, response, () -> fresh);
	}

	private static CsrfTokenRepository publicCsrfTokenRepository() {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieName(PUBLIC_CSRF_COOKIE);
		tokens.setCookiePath("/");
		tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
		return tokens;
	}

}
