package org.misemori.storefront.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.platform.ShopProfile;
import org.misemori.platform.ShopProfiles;
import org.misemori.platform.ShopRequest;
import org.misemori.theme.TemplateData;
import org.misemori.theme.ThemeRenderer;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * A themed page as the response: the shop's theme renders {@code template} from plain data,
 * with what every page needs — the shop, the template's name and the CSRF token for the
 * theme's forms (add to cart, the cart itself), which the theme writes as a hidden field (or,
 * with its header's name, on the sign-in page's passkey button for Misemori's script).
 */
@Component
class ThemedResponses {

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final ThemeRenderer themes;

	private final ShopProfiles profiles;

	ThemedResponses(ThemeRenderer themes, ShopProfiles profiles) {
		this.themes = themes;
		this.profiles = profiles;
	}

	ResponseEntity<String> render(ShopRequest shop, HttpStatus status, String template, Map<String, Object> model,
			HttpServletRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		TemplateData data = TemplateData.of(model)
			.with("shop", ShopperView.shop(shop, profiles.current().orElseGet(ShopProfile::empty)))
			.with("template", template);
		PageCapture capture = PageCapture.of(request);
		if (capture != null) {
			data = data.with("csrf", Map.of("param", capture.csrfParameter(), "token", PageCapture.TOKEN_PLACEHOLDER,
					"header", capture.csrfHeader()));
		}
		else if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
			data = data.with("csrf", Map.of("param", csrf.getParameterName(), "token", csrf.getToken(), "header",
					csrf.getHeaderName()));
		}
		String html = themes.renderPage(template, data, Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
				? Locale.ENGLISH : Locale.JAPANESE);
		return ResponseEntity.status(status).contentType(HTML).body(html);
	}

	/** A closed shop's catalog and carts are not read for shoppers: they see only that it has closed. */
	static ShopRequest openShop(HttpServletRequest request) {
		ShopRequest shop = ShopRequest.of(request).orElseThrow(UnknownShopException::new);
		if (!shop.shop().isOpen()) {
			throw new ClosedShopException(shop);
		}
		return shop;
	}

}
