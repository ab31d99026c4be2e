package org.misemori.storefront.web;

import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.storefront.policy.PrivacyPolicy;
import org.misemori.storefront.policy.PrivacyPolicies;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The owner's privacy policy text, in the shop admin's settings: behind the SETTINGS permission
 * (all of {@code /admin/settings/**} in the staff chain, which also made the staff member's
 * shop the current one). Plain text: nothing typed here becomes markup on the storefront.
 */
@Controller
class PrivacyPolicySettingsController {

	private static final String PAGE = "admin/privacy-policy";

	private final PrivacyPolicies policies;

	private final ShopDirectory shops;

	PrivacyPolicySettingsController(PrivacyPolicies policies, ShopDirectory shops) {
		this.policies = policies;
		this.shops = shops;
	}

	@GetMapping("/admin/settings/privacy")
	String show(Authentication authentication, Model model) {
		return page(authentication, model, policies.current().text());
	}

	@PostMapping("/admin/settings/privacy")
	String save(@RequestParam(defaultValue = "") String text, Authentication authentication, Model model,
			HttpServletResponse response) {
		if (text.length() > PrivacyPolicy.MAX_LENGTH) {
			model.addAttribute("errorKey", "policy.settings.too-long");
			model.addAttribute("maxLength", PrivacyPolicy.MAX_LENGTH);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			// Not echoed back whole: a huge submission is cut to what the field allows.
			return page(authentication, model, text.substring(0, PrivacyPolicy.MAX_LENGTH));
		}
		policies.save(text, authentication.getName());
		return "redirect:/admin/settings/privacy?saved";
	}

	private String page(Authentication authentication, Model model, String text) {
		Shop shop = shopOf(authentication);
		model.addAttribute("shop", shop);
		model.addAttribute("text", text);
		model.addAttribute("maxLength", PrivacyPolicy.MAX_LENGTH);
		return PAGE;
	}

	/** Staff names are {@code <shop code>/<login ID>}. */
	private Shop shopOf(Authentication authentication) {
		String name = authentication.getName();
		return shops.findByCode(name.substring(0, Math.max(name.indexOf('/'), 0)))
			.orElseThrow(() -> new AccessDeniedException("Shop gone"));
	}

}
