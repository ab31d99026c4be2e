package org.misemori.storefront.web;

import java.util.Arrays;
import java.util.Optional;

import org.misemori.payment.BankAccountForm;
import org.misemori.payment.BankAccountInvalid;
import org.misemori.payment.BankAccountType;
import org.misemori.payment.BankAccounts;
import org.misemori.payment.CardPage;
import org.misemori.payment.Payments;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The shop's card page (the provider's own page, or its card fields framed by Misemori's fixed
 * page) and the inventory of scripts on the payment page, each with its SRI hash and reason
 * (PCI DSS 6.4.3). The inventory is Misemori's, not the shop's: payment pages are pinned, so
 * nothing a shop does adds a script there. SETTINGS permission, as all of /admin/settings.
 */
@Controller
class PaymentPageSettingsController {

	private static final String PAGE = "admin/payment-settings";

	private final Payments payments;

	private final ShopDirectory shops;

	private final BankAccounts bankAccounts;

	PaymentPageSettingsController(Payments payments, ShopDirectory shops, BankAccounts bankAccounts) {
		this.payments = payments;
		this.shops = shops;
		this.bankAccounts = bankAccounts;
	}

	@GetMapping("/admin/settings/payments")
	String show(Authentication authentication, Model model) {
		return page(authentication, model, payments.cardPage());
	}

	@PostMapping("/admin/settings/payments")
	String save(@RequestParam(defaultValue = "") String cardPage, Authentication authentication, Model model) {
		Optional<CardPage> chosen = Arrays.stream(CardPage.values()).filter(p -> p.name().equals(cardPage)).findFirst();
		if (chosen.isEmpty()) {
			model.addAttribute("errorKey", "payment.settings.cardPage.invalid");
			return page(authentication, model, payments.cardPage());
		}
		payments.changeCardPage(chosen.get(), authentication.getName());
		return "redirect:/admin/settings/payments?saved";
	}

	/** The shop's 振込先 for bank-transfer orders, on the same page; a refused form is shown again with each field's problem. */
	@PostMapping("/admin/settings/payments/bank-account")
	String saveBankAccount(BankAccountForm bankAccount, Authentication authentication, Model model) {
		try {
			bankAccounts.change(bankAccount, authentication.getName());
			return "redirect:/admin/settings/payments?bankSaved";
		}
		catch (BankAccountInvalid invalid) {
			model.addAttribute("bankAccount", bankAccount);
			model.addAttribute("bankProblems", invalid.problems());
			return page(authentication, model, payments.cardPage());
		}
	}

	private String page(Authentication authentication, Model model, CardPage current) {
		if (!model.containsAttribute("bankAccount")) {
			model.addAttribute("bankAccount", bankAccounts.current().map(BankAccountForm::of)
				.orElse(new BankAccountForm("", "", BankAccountType.ORDINARY.name(), "", "")));
			model.addAttribute("bankProblems", java.util.Map.of());
		}
		model.addAttribute("bankAccountTypes", BankAccountType.values());
		model.addAttribute("shop", shopOf(authentication));
		model.addAttribute("pages", CardPage.values());
		model.addAttribute("cardPage", current.name());
		model.addAttribute("scripts", CardPaymentPage.SCRIPTS);
		model.addAttribute("providerOrigin", payments.providerOrigin().orElse(""));
		return PAGE;
	}

	/** Staff names are {@code <shop code>/<login ID>}. */
	private Shop shopOf(Authentication authentication) {
		String name = authentication.getName();
		return shops.findByCode(name.substring(0, Math.max(name.indexOf('/'), 0)))
			.orElseThrow(() -> new AccessDeniedException("Shop gone"));
	}

}
