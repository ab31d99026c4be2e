package org.misemori.tax.web;

import java.util.Arrays;
import java.util.Optional;

import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.tax.InvoiceRegistrationNumber;
import org.misemori.tax.Rounding;
import org.misemori.tax.ShopTaxSettings;
import org.misemori.tax.TaxInputException;
import org.misemori.tax.TaxSettings;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The shop admin's tax settings: the rounding rule and the invoice registration number. The
 * SETTINGS permission guards all of {@code /admin/settings/**} in the staff security chain, and
 * the staff tenant filter has made the staff member's shop the current one.
 */
@Controller
class TaxSettingsController {

	private static final String PAGE = "admin/tax-settings";

	private final ShopTaxSettings settings;

	private final ShopDirectory shops;

	TaxSettingsController(ShopTaxSettings settings, ShopDirectory shops) {
		this.settings = settings;
		this.shops = shops;
	}

	@GetMapping("/admin/settings/tax")
	String show(Authentication authentication, Model model) {
		TaxSettings current = settings.current();
		return page(authentication, model, current.rounding().name(),
				current.registrationNumber().map(InvoiceRegistrationNumber::value).orElse(""));
	}

	@PostMapping("/admin/settings/tax")
	String save(@RequestParam(defaultValue = "") String rounding,
			@RequestParam(defaultValue = "") String registrationNumber, Authentication authentication, Model model) {
		Optional<Rounding> rule = roundingNamed(rounding);
		if (rule.isEmpty()) {
			model.addAttribute("errorKey", "tax.settings.rounding.invalid");
			return page(authentication, model, Rounding.FLOOR.name(), registrationNumber);
		}
		try {
			Optional<InvoiceRegistrationNumber> number = registrationNumber.isBlank() ? Optional.empty()
					: Optional.of(InvoiceRegistrationNumber.parse(registrationNumber));
			settings.update(new TaxSettings(rule.get(), number), authentication.getName());
		}
		catch (TaxInputException refused) {
			model.addAttribute("errorKey", refused.messageKey());
			return page(authentication, model, rule.get().name(), registrationNumber);
		}
		return "redirect:/admin/settings/tax?saved";
	}

	private static Optional<Rounding> roundingNamed(String name) {
		return Arrays.stream(Rounding.values()).filter(rule -> rule.name().equals(name)).findFirst();
	}

	private String page(Authentication authentication, Model model, String rounding, String registrationNumber) {
		model.addAttribute("shop", shopOf(authentication));
		model.addAttribute("roundings", Rounding.values());
		model.addAttribute("rounding", rounding);
		// What the person typed comes back to them (escaped by Thymeleaf), capped so a huge
		// submission is not echoed.
		model.addAttribute("registrationNumber",
				registrationNumber.length() > 40 ? registrationNumber.substring(0, 40) : registrationNumber);
		return PAGE;
	}

	/** Staff names are {@code <shop code>/<login ID>}. */
	private Shop shopOf(Authentication authentication) {
		String name = authentication.getName();
		return shops.findByCode(name.substring(0, Math.max(name.indexOf('/'), 0)))
			.orElseThrow(() -> new AccessDeniedException("Shop gone"));
	}

}
