package org.misemori.platform.web;

import org.misemori.platform.CrossShopPurpose;
import org.misemori.platform.Shop;
import org.misemori.platform.domain.NewShop;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.platform.domain.ShopAdministrationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator console's shop screens: list, open, close. */
@Controller
@RequestMapping("/operator")
class OperatorShopController {

	private final ShopAdministration administration;

	OperatorShopController(ShopAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	String shops(Model model) {
		model.addAttribute("shops", administration.listShops());
		return "operator/shops";
	}

	@GetMapping("/shops/new")
	String newShop(Model model) {
		model.addAttribute("form", new ShopForm("", "", ""));
		return "operator/new-shop";
	}

	@PostMapping("/shops")
	String openShop(@ModelAttribute("form") ShopForm form, Model model, RedirectAttributes redirect) {
		try {
			Shop shop = administration.openShop(new NewShop(form.code(), form.name(), form.hostName(), null),
					CrossShopPurpose.SHOP_ADMINISTRATION);
			redirect.addFlashAttribute("opened", shop.code().value());
			return "redirect:/operator";
		}
		catch (ShopAdministrationException ex) {
			model.addAttribute("errorKey", ex.messageKey());
			model.addAttribute("errorArguments", ex.arguments());
			return "operator/new-shop";
		}
	}

	@PostMapping("/shops/{code}/close")
	String closeShop(@PathVariable String code, @RequestParam(defaultValue = "-1") int retentionDays,
			RedirectAttributes redirect) {
		try {
			administration.closeShop(code, retentionDays);
			redirect.addFlashAttribute("closed", code);
		}
		catch (ShopAdministrationException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			redirect.addFlashAttribute("errorArguments", ex.arguments());
		}
		return "redirect:/operator";
	}

	record ShopForm(String code, String name, String hostName) {
	}

}
