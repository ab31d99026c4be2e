package org.misemori.identity.web;

import org.misemori.platform.ShopDirectory;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The entrance of each admin area whose screens later issues build (export,
 * settings; products, themes and orders have their own modules). The door and its lock exist now, so the permission rules are real and
 * tested before the rooms behind them are furnished.
 */
@Controller
class AdminAreasController {

	private final ShopDirectory shops;

	AdminAreasController(ShopDirectory shops) {
		this.shops = shops;
	}

	@GetMapping("/admin/{area:export|settings}")
	String area(@PathVariable String area, Authentication authentication, Model model) {
		AdminArea shown = AdminArea.valueOf(area.toUpperCase(java.util.Locale.ROOT));
		model.addAttribute("shop", AdminController.shopOf(authentication, shops));
		model.addAttribute("area", shown);
		return "admin/area";
	}

}
