package org.misemori.storefront.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.identity.MemberAccountPages;
import org.misemori.system.WebBaseline;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The shopper's sign-in, sign-up, my page top and password reset pages, drawn by the shop's
 * theme for identity (which keeps the forms and the sign-in flow), so an owner's theme edits
 * and layout apply to them as to the catalog. The sign-in page's passwordless button needs
 * Misemori's own passkey script: it is added here, after the theme has rendered, with this
 * response's nonce, which theme code never sees — an owner's template cannot run a script on
 * the page where shoppers type their password.
 */
@Component
class AccountPages implements MemberAccountPages {

	private static final String PASSKEY_SCRIPT = "<script nonce=\"%s\" src=\"/assets/js/passkeys.js\" defer></script>";

	private final ThemedResponses responses;

	private final PageReads reads;

	AccountPages(ThemedResponses responses, PageReads reads) {
		this.responses = responses;
		this.reads = reads;
	}

	@Override
	public ResponseEntity<String> show(Page page, Map<String, Object> values, HttpStatus status,
			HttpServletRequest request) {
		// One read-only transaction for the theme's and the profile's reads, as on the catalog's
		// pages: fewer round trips, and a steadier time (reset and sign-up must take the same
		// time for every address, and the enumeration test measures it).
		ResponseEntity<String> rendered = reads.of(() -> responses.render(ThemedResponses.openShop(request), status,
				template(page), values, request));
		if (page != Page.SIGN_IN || rendered.getBody() == null) {
			return rendered;
		}
		return WebBaseline.scriptNonce(request)
			.map(nonce -> ResponseEntity.status(rendered.getStatusCode()).headers(rendered.getHeaders())
				.body(withScript(rendered.getBody(), PASSKEY_SCRIPT.formatted(nonce))))
			.orElse(rendered);
	}

	static String template(Page page) {
		return switch (page) {
			case SIGN_IN -> "account-login";
			case SIGN_UP -> "account-register";
			case MY_PAGE -> "account";
			case RESET_REQUEST -> "account-reset";
			case RESET -> "account-reset-confirm";
			case MESSAGE -> "account-message";
		};
	}

	/** Before the last {@code </body>}, or at the end if the theme's layout has none. */
	static String withScript(String html, String script) {
		for (int end = html.length() - "</body>".length(); end >= 0; end--) {
			if (html.regionMatches(true, end, "</body>", 0, "</body>".length())) {
				return html.substring(0, end) + script + html.substring(end);
			}
		}
		return html + script;
	}

}
