package org.misemori.platform.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.ShopProfile;
import org.misemori.platform.ShopProfiles;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The shop's profile in the shop admin: tagline, description and the facts of its 特定商取引法に基づく
 * 表記, which the storefront shows from the next request on. The SETTINGS permission guards all of
 * {@code /admin/settings/**} in the staff security chain, and the staff tenant filter has made the
 * staff member's shop the current one.
 */
@Controller
class ShopProfileSettingsController {

	private static final String PAGE = "admin/shop-settings";

	private final ShopProfiles profiles;

	private final ShopDirectory shops;

	ShopProfileSettingsController(ShopProfiles profiles, ShopDirectory shops) {
		this.profiles = profiles;
		this.shops = shops;
	}

	@GetMapping("/admin/settings/shop")
	ModelAndView show(Authentication authentication, Model model) {
		ShopProfileForm form = ShopProfileForm.of(profiles.current().orElseGet(ShopProfile::empty));
		return page(authentication, model, form, List.of(), HttpStatus.OK);
	}

	@PostMapping("/admin/settings/shop")
	ModelAndView save(@RequestParam Map<String, String> posted, Authentication authentication, Model model) {
		ShopProfileForm form = ShopProfileForm.of(posted);
		List<ShopProfileForm.Problem> problems = form.problems();
		if (!problems.isEmpty()) {
			return page(authentication, model, form, problems, HttpStatus.UNPROCESSABLE_CONTENT);
		}
		profiles.update(form.profile(), authentication.getName());
		return new ModelAndView("redirect:/admin/settings/shop?saved");
	}

	private ModelAndView page(Authentication authentication, Model model, ShopProfileForm form,
			List<ShopProfileForm.Problem> problems, HttpStatus status) {
		model.addAttribute("shop", shopOf(authentication));
		model.addAttribute("fields", ShopProfile.FIELDS);
		model.addAttribute("values", form.echoed());
		model.addAttribute("maxLengths", ShopProfileForm.MAX_LENGTHS);
		model.addAttribute("required", ShopProfileForm.REQUIRED);
		model.addAttribute("longTexts", ShopProfileForm.LONG_TEXTS);
		model.addAttribute("problems", problems);
		model.addAttribute("problemOf",
				problems.stream().collect(Collectors.toMap(ShopProfileForm.Problem::field, problem -> problem)));
		return new ModelAndView(PAGE, model.asMap(), status);
	}

	/** Staff names are {@code <shop code>/<login ID>}. */
	private Shop shopOf(Authentication authentication) {
		String name = authentication.getName();
		return shops.findByCode(name.substring(0, Math.max(name.indexOf('/'), 0)))
			.orElseThrow(() -> new AccessDeniedException("Shop gone"));
	}

}
