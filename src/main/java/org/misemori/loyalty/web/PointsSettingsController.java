package org.misemori.loyalty.web;

import org.misemori.loyalty.LoyaltyException;
import org.misemori.loyalty.Points;
import org.misemori.loyalty.PointsSettings;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 設定 → ポイント: whether the shop gives points, at what rate, how long they last and the fewest
 * usable at once. The SETTINGS permission guards {@code /admin/settings/**}; the staff tenant
 * filter has made the staff member's shop the current one.
 */
@Controller
class PointsSettingsController {

	private static final String PAGE = "admin/points-settings";

	private final Points points;

	private final AdminShops shops;

	PointsSettingsController(Points points, AdminShops shops) {
		this.points = points;
		this.shops = shops;
	}

	@GetMapping("/admin/settings/points")
	String show(Authentication authentication, Model model) {
		PointsSettings current = points.settings();
		return page(authentication, model, current.enabled(), String.valueOf(current.earnPercent()),
				String.valueOf(current.expiryMonths()), String.valueOf(current.minimumRedeem()));
	}

	@PostMapping("/admin/settings/points")
	String save(@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String earnPercent,
			@RequestParam(defaultValue = "") String expiryMonths, @RequestParam(defaultValue = "") String minimumRedeem,
			Authentication authentication, Model model) {
		try {
			PointsSettings settings = new PointsSettings(enabled, FormNumbers.parseInt(earnPercent),
					FormNumbers.parseInt(expiryMonths), FormNumbers.parse(minimumRedeem));
			points.updateSettings(settings, authentication.getName());
		}
		catch (LoyaltyException refused) {
			model.addAttribute("errorKey", refused.messageKey());
			model.addAttribute("errorArguments", refused.getArguments());
			return page(authentication, model, enabled, FormNumbers.echo(earnPercent), FormNumbers.echo(expiryMonths),
					FormNumbers.echo(minimumRedeem));
		}
		return "redirect:/admin/settings/points?saved";
	}

	private String page(Authentication authentication, Model model, boolean enabled, String earnPercent,
			String expiryMonths, String minimumRedeem) {
		model.addAttribute("shop", shops.of(authentication));
		model.addAttribute("enabled", enabled);
		model.addAttribute("earnPercent", earnPercent);
		model.addAttribute("expiryMonths", expiryMonths);
		model.addAttribute("minimumRedeem", minimumRedeem);
		return PAGE;
	}

}
