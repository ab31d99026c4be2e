package sandboxpay.pages;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import sandboxpay.payments.Account;

/**
 * A strict policy on every page: no script at all (the pages need none, so none can be
 * injected), styles only from this origin, forms only to this origin and the merchant's
 * return origins (browsers check form-action on the redirect after a post), and no framing
 * unless the hosted-fields page allows its one embedding origin.
 */
@Component
class PageHeaders extends OncePerRequestFilter {

	private final String formAction;

	PageHeaders(Account account) {
		this.formAction = String.join(" ", "'self'", String.join(" ", account.allowedReturnOrigins())).strip();
	}

	String policy(String frameAncestors) {
		return "default-src 'none'; style-src 'self'; img-src 'self'; form-action " + formAction
				+ "; frame-ancestors " + frameAncestors + "; base-uri 'none'";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", policy("'none'"));
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		// Card pages must not be kept by the browser or a proxy.
		response.setHeader("Cache-Control", "no-store");
		chain.doFilter(request, response);
	}

}
