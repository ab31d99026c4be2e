package org.misemori.storefront.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What themed pages (catalog, cart and policies) show for a shop that does not exist or has closed. */
@ControllerAdvice(assignableTypes = { ThemedPages.class, CartPages.class, PolicyPages.class })
class ThemedPageAdvice {

	@ExceptionHandler(UnknownShopException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknownShop() {
		return "storefront/not-found";
	}

	@ExceptionHandler(ClosedShopException.class)
	@ResponseStatus(HttpStatus.GONE)
	String closedShop(ClosedShopException closed, Model model) {
		model.addAttribute("shop", closed.shop().shop());
		return "storefront/closed";
	}

}
