package org.misemori.storefront.web;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.platform.ShopRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A shop's address without its trailing slash. Paths are under {@code /s/{shop}}; on a shop's
 * own host the platform's filter presents them there too, so one mapping serves both. The
 * pages themselves are themed ({@link ThemedPages}, {@link PolicyPages}, {@link CartPages}).
 */
@Controller
class StorefrontController {

	@GetMapping("/s/{shopCode}")
	String withoutSlash(HttpServletRequest request) {
		return "redirect:" + shopOf(request).basePath() + "/";
	}

	@ExceptionHandler(UnknownShopException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknownShop() {
		return "storefront/not-found";
	}

	private static ShopRequest shopOf(HttpServletRequest request) {
		return ShopRequest.of(request).orElseThrow(UnknownShopException::new);
	}

}
