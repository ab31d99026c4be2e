package org.misemori.system;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A fresh 128-bit nonce per response, exposed to templates as {@code cspNonce}, and a policy
 * under which only scripts carrying it run: no inline script, no eval, no framing by others.
 * Spring Security's own CSP writer takes only a fixed policy, hence this filter.
 */
class ContentSecurityPolicyFilter extends OncePerRequestFilter {

	static final String NONCE_ATTRIBUTE = "cspNonce";

	private static final String POLICY = "default-src 'self'; script-src 'nonce-%s' 'strict-dynamic'; "
			+ "style-src 'self'; img-src 'self' data:%s; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	private final SecureRandom random = new SecureRandom();

	/** " https://assets.example.net" when product images come from an asset origin of their own, else "". */
	private final String imageOrigin;

	ContentSecurityPolicyFilter(String assetOrigin) {
		this.imageOrigin = assetOrigin == null || assetOrigin.isBlank() ? "" : " " + assetOrigin.strip();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		String nonce = Base64.getEncoder().encodeToString(bytes);
		request.setAttribute(NONCE_ATTRIBUTE, nonce);
		response.setHeader("Content-Security-Policy", POLICY.formatted(nonce, imageOrigin));
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// Error pages are pages too: they get a policy (and a nonce) of their own.
		return false;
	}

}
