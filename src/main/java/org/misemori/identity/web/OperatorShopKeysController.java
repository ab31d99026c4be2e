package org.misemori.identity.web;

import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.vault.KeyRotations;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator rotates a shop's keys and follows the progress (the page is reloaded by hand).
 * Here rather than in the vault because starting one asks for a fresh second factor, as every
 * operator action on a shop's protection does.
 */
@Controller
class OperatorShopKeysController {

	private final ShopDirectory shops;

	private final KeyRotations rotations;

	private final SecondFactorRaise raise;

	OperatorShopKeysController(ShopDirectory shops, KeyRotations rotations, SecondFactorRaise raise) {
		this.shops = shops;
		this.rotations = rotations;
		this.raise = raise;
	}

	@GetMapping("/operator/shops/{code}/keys")
	String progress(@PathVariable String code, Model model) {
		Shop shop = shop(code);
		model.addAttribute("shop", shop);
		model.addAttribute("rotation", rotations.latest(shop.id()).orElse(null));
		return "operator/shop-keys";
	}

	@PostMapping("/operator/shops/{code}/keys/rotate")
	String rotate(@PathVariable String code, Authentication authentication, RedirectAttributes redirect) {
		if (!raise.recentlyGiven(authentication)) {
			return "redirect:/operator/2fa?stepup";
		}
		Shop shop = shop(code);
		rotations.start(shop.id(), authentication.getName());
		redirect.addFlashAttribute("rotationStarted", true);
		return "redirect:/operator/shops/" + shop.code().value() + "/keys";
	}

	private Shop shop(String code) {
		return shops.findByCode(code)
			.filter(Shop::isOpen)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
