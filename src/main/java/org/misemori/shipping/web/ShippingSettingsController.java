package org.misemori.shipping.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.shipping.DeliverySlot;
import org.misemori.shipping.Prefecture;
import org.misemori.shipping.Region;
import org.misemori.shipping.ShippingException;
import org.misemori.shipping.ShippingRates;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The shop admin's shipping settings: fees by prefecture, the free-shipping threshold, the cool
 * surcharge, COD fee tiers, delivery lead days and time slots, all in one form. The SETTINGS
 * permission guards all of {@code /admin/settings/**} in the staff security chain, and the staff
 * tenant filter has made the staff member's shop the current one.
 */
@Controller
class ShippingSettingsController {

	private static final String PAGE = "admin/shipping-settings";

	/** The prefectures by region, north to south, for the form's grouping. */
	private static final Map<Region, List<Prefecture>> REGIONS = new EnumMap<>(
			Arrays.stream(Prefecture.values()).collect(Collectors.groupingBy(Prefecture::region)));

	private final ShippingRates rates;

	private final ShopDirectory shops;

	private final MessageSource messages;

	ShippingSettingsController(ShippingRates rates, ShopDirectory shops, MessageSource messages) {
		this.rates = rates;
		this.shops = shops;
		this.messages = messages;
	}

	@GetMapping("/admin/settings/shipping")
	String show(Authentication authentication, Model model) {
		return page(authentication, model, ShippingSettingsForm.of(rates.settings()));
	}

	@PostMapping("/admin/settings/shipping")
	String save(@RequestParam MultiValueMap<String, String> params, Authentication authentication, Locale locale,
			Model model) {
		ShippingSettingsForm form = ShippingSettingsForm.from(params);
		try {
			rates.update(form.read(field -> messages.getMessage("shipping.field." + field, null, locale),
					prefecture -> messages.getMessage("shipping.field.prefectureFee",
							new Object[] { prefecture.label(locale) }, locale)),
					authentication.getName());
		}
		catch (ShippingException refused) {
			model.addAttribute("error", messages.getMessage(refused, locale));
			return page(authentication, model, form);
		}
		return "redirect:/admin/settings/shipping?saved";
	}

	private String page(Authentication authentication, Model model, ShippingSettingsForm form) {
		model.addAttribute("shop", shopOf(authentication));
		// Plain maps and sets: the template reads them without reflection on this package's types.
		model.addAttribute("values", form.values());
		model.addAttribute("chosenSlots", form.slots());
		model.addAttribute("regions", REGIONS);
		model.addAttribute("tierRows", java.util.stream.IntStream.range(0, ShippingSettingsForm.TIER_ROWS).boxed().toList());
		model.addAttribute("allSlots", DeliverySlot.values());
		return PAGE;
	}

	/** Staff names are {@code <shop code>/<login ID>}. */
	private Shop shopOf(Authentication authentication) {
		String name = authentication.getName();
		return shops.findByCode(name.substring(0, Math.max(name.indexOf('/'), 0)))
			.orElseThrow(() -> new AccessDeniedException("Shop gone"));
	}

}
