package org.misemori.storefront.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.platform.ShopProfile;
import org.misemori.platform.ShopProfiles;
import org.misemori.platform.ShopRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A shop's pages. Paths are under {@code /s/{shop}}; on a shop's own host the platform's
 * filter presents them there too, so one mapping serves both.
 */
@Controller
class StorefrontController {

	private final ShopProfiles profiles;

	StorefrontController(ShopProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/s/{shopCode}")
	String withoutSlash(HttpServletRequest request) {
		return "redirect:" + shopOf(request).basePath() + "/";
	}

	@GetMapping("/s/{shopCode}/policies/legal-notice")
	String legalNotice(HttpServletRequest request, HttpServletResponse response, Model model) {
		return render("storefront/legal-notice", request, response, model);
	}

	@ExceptionHandler(UnknownShopException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknownShop() {
		return "storefront/not-found";
	}

	private String render(String view, HttpServletRequest request, HttpServletResponse response, Model model) {
		ShopRequest shop = shopOf(request);
		model.addAttribute("shop", shop.shop());
		model.addAttribute("base", shop.basePath());
		if (!shop.shop().isOpen()) {
			// A closed shop's data is not read for shoppers: they learn only that it has closed.
			response.setStatus(HttpStatus.GONE.value());
			return "storefront/closed";
		}
		model.addAttribute("profile", profiles.current().orElseGet(ShopProfile::empty));
		return view;
	}

	private static ShopRequest shopOf(HttpServletRequest request) {
		return ShopRequest.of(request).orElseThrow(UnknownShopException::new);
	}

}
