package org.misemori.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The shopper's account pages that the shop's own theme draws: sign-in, sign-up, the my page
 * top and password reset, with the answers these forms give. identity keeps the forms, the
 * sign-in flow and its security; the storefront, which owns the theme, draws the page. The
 * values are plain (strings, numbers, lists, maps), ready for a theme template; a password
 * is never among them. Pages that handle an authentication secret after sign-in (passkeys,
 * two-factor, settings, the code step) are not here: they stay fixed templates, so no owner
 * theme code runs on them, as on payment pages.
 */
public interface MemberAccountPages {

	ResponseEntity<String> show(Page page, Map<String, Object> values, HttpStatus status, HttpServletRequest request);

	/** Which page; the storefront knows the theme template that draws it. */
	enum Page {

		SIGN_IN, SIGN_UP, MY_PAGE, RESET_REQUEST, RESET, MESSAGE

	}

}
