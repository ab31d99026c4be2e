package org.misemori.identity.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.misemori.identity.staff.StaffPermission;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The shop admin's front page: the shop, and a way into each area this person may use. */
@Controller
class AdminController {

	private final ShopDirectory shops;

	AdminController(ShopDirectory shops) {
		this.shops = shops;
	}

	@GetMapping("/admin/login")
	String login() {
		return "admin/login";
	}

	@GetMapping("/admin")
	String dashboard(Authentication authentication, Model model) {
		model.addAttribute("shop", shopOf(authentication, shops));
		model.addAttribute("me", authentication.getPrincipal());
		model.addAttribute("areas", areasFor(StaffPermission.heldBy(authentication.getAuthorities())));
		return "admin/dashboard";
	}

	/** Only the areas the person may enter: a link that ends in 403 is a link not shown. */
	static List<AdminArea> areasFor(Set<StaffPermission> held) {
		return Arrays.stream(AdminArea.values()).filter(area -> area.isOpenTo(held)).toList();
	}

	static Shop shopOf(Authentication authentication, ShopDirectory shops) {
		String code = authentication.getName().substring(0, authentication.getName().indexOf('/'));
		return shops.findByCode(code).orElseThrow(() -> new AccessDeniedException("Shop gone"));
	}

}
