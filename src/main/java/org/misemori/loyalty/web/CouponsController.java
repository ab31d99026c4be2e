package org.misemori.loyalty.web;

import java.time.Clock;
import java.time.LocalDate;

import org.misemori.loyalty.Coupon;
import org.misemori.loyalty.CouponCode;
import org.misemori.loyalty.CouponKind;
import org.misemori.loyalty.Coupons;
import org.misemori.loyalty.LoyaltyException;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * クーポン in the shop admin: the list with each coupon's uses, a form for a new one, and a
 * button to stop one. Guarded by the SETTINGS permission in the staff security chain.
 */
@Controller
class CouponsController {

	private static final String PAGE = "admin/coupons";

	private final Coupons coupons;

	private final AdminShops shops;

	private final Clock clock;

	CouponsController(Coupons coupons, AdminShops shops, Clock clock) {
		this.coupons = coupons;
		this.shops = shops;
		this.clock = clock;
	}

	@GetMapping("/admin/coupons")
	String list(Authentication authentication, Model model) {
		return page(authentication, model, CouponForm.empty(LocalDate.now(clock.withZone(CouponForm.JAPAN))));
	}

	@PostMapping("/admin/coupons")
	String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String value, @RequestParam(defaultValue = "") String minimum,
			@RequestParam(defaultValue = "") String startsOn, @RequestParam(defaultValue = "") String endsOn,
			@RequestParam(defaultValue = "") String usageLimit, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		CouponForm form = new CouponForm(code, kind, value, minimum, startsOn, endsOn, usageLimit);
		try {
			Coupon coupon = form.toCoupon();
			coupons.create(coupon, authentication.getName());
			redirect.addAttribute("created", coupon.code());
		}
		catch (LoyaltyException refused) {
			model.addAttribute("errorKey", refused.messageKey());
			model.addAttribute("errorArguments", refused.getArguments());
			return page(authentication, model, form.echoed());
		}
		return "redirect:/admin/coupons";
	}

	@PostMapping("/admin/coupons/{code}/deactivate")
	String deactivate(@PathVariable String code, Authentication authentication, Model model, RedirectAttributes redirect) {
		try {
			coupons.deactivate(code, authentication.getName());
			redirect.addAttribute("deactivated", CouponCode.normalise(code));
		}
		catch (LoyaltyException refused) {
			model.addAttribute("errorKey", refused.messageKey());
			model.addAttribute("errorArguments", refused.getArguments());
			return page(authentication, model, CouponForm.empty(LocalDate.now(clock.withZone(CouponForm.JAPAN))));
		}
		return "redirect:/admin/coupons";
	}

	private String page(Authentication authentication, Model model, CouponForm form) {
		model.addAttribute("shop", shops.of(authentication));
		model.addAttribute("coupons", coupons.list().stream().map(CouponRow::of).toList());
		model.addAttribute("kinds", CouponKind.values());
		model.addAttribute("form", form);
		return PAGE;
	}

}
