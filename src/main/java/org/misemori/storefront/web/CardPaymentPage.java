package org.misemori.storefront.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.ordering.Checkout;
import org.misemori.ordering.CheckoutKey;
import org.misemori.ordering.PlacedOrder;
import org.misemori.payment.Payments;
import org.misemori.platform.ShopRequest;
import org.misemori.system.WebBaseline;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page that frames the provider's card fields, for shops that take cards in an iframe. It
 * is pinned: a fixed template of Misemori's (never the shop's theme), no script at all, and a
 * policy that lets it frame the provider's origin and nothing else. What the shopper types in
 * the frame goes to the provider's origin; this page never sees it. System Five's skimmer was a
 * change to exactly such a page: here there is nothing an owner or a theme could change.
 */
@Controller
class CardPaymentPage {

	/**
	 * Every script on the pinned payment page, with its SRI hash and why it is there (PCI DSS
	 * 6.4.3): none. A script added to the template without an entry here fails
	 * {@code CardPaymentPageIntegrationTest}.
	 */
	static final List<PaymentPageScript> SCRIPTS = List.of();

	/** One inventoried script: where it is served from, its SRI hash, and the reason it is on the page. */
	record PaymentPageScript(String src, String integrity, String reason) {
	}

	private final Checkout checkout;

	private final Payments payments;

	CardPaymentPage(Checkout checkout, Payments payments) {
		this.checkout = checkout;
		this.payments = payments;
	}

	@GetMapping("/s/{shopCode}/checkout/pay/{key}")
	String show(@PathVariable String key, HttpServletRequest request, HttpServletResponse response, Model model) {
		ShopRequest shop = ThemedResponses.openShop(request);
		Optional<PlacedOrder> placed = CheckoutKey.isWellFormed(key) ? checkout.findPlaced(key) : Optional.empty();
		if (placed.isEmpty()) {
			return "redirect:" + shop.basePath() + "/cart";
		}
		Optional<URI> fields = payments.cardFields(placed.get().id().value());
		Optional<String> origin = payments.providerOrigin();
		if (fields.isEmpty() || origin.isEmpty() || !fields.get().toString().startsWith(origin.get() + "/")) {
			// Paid already, or not waiting for a card: the completion page says where it stands.
			return "redirect:" + shop.basePath() + "/checkout/complete/" + key;
		}
		WebBaseline.allowFramesFrom(response, origin.get());
		if (SCRIPTS.isEmpty()) {
			WebBaseline.forbidScripts(response);
		}
		model.addAttribute("shop", shop.shop());
		model.addAttribute("base", shop.basePath());
		model.addAttribute("number", placed.get().id().number());
		model.addAttribute("total", ShopperView.yen(placed.get().total()));
		model.addAttribute("fields", fields.get().toString());
		return "storefront/card-payment";
	}

}
