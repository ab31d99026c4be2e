package org.misemori.storefront.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.cart.CartContents;
import org.misemori.cart.CartId;
import org.misemori.cart.Carts;
import org.misemori.identity.AddressBook;
import org.misemori.identity.DeliveryAddress;
import org.misemori.identity.MemberAddresses;
import org.misemori.identity.SignedInMember;
import org.misemori.loyalty.Points;
import org.misemori.ordering.Checkout;
import org.misemori.ordering.CheckoutForm;
import org.misemori.ordering.CheckoutItem;
import org.misemori.ordering.CheckoutKey;
import org.misemori.ordering.CheckoutRejected;
import org.misemori.ordering.OrderingException;
import org.misemori.ordering.PlacedOrder;
import org.misemori.ordering.PriceChanged;
import org.misemori.ordering.Quote;
import org.misemori.payment.OpenedPayment;
import org.misemori.payment.PaymentKind;
import org.misemori.payment.PaymentUnavailable;
import org.misemori.payment.Payments;
import org.misemori.platform.ShopRequest;
import org.misemori.shipping.ShippingRates;

import org.misemori.system.WebBaseline;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Checkout in three steps, rendered by the shop's theme: the form, the confirmation (the exact
 * total, with a one-time checkout key and the quote's digest), and "place order". Placing
 * checks the digest, so a price, coupon or fee that changed in between shows the new total to
 * confirm instead of charging it; the key makes a double click or a retry one order.
 */
@Controller
class CheckoutPages {

	private final Carts carts;

	private final Checkout checkout;

	private final ShippingRates shipping;

	private final Points points;

	private final SignedInMember member;

	private final MemberAddresses addresses;

	private final ThemedResponses responses;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate placing;

	private final Payments payments;

	private final ProviderCheckout providerCheckout;

	private final PinnedPages pinned;

	private final TransferInstructions transfers;

	CheckoutPages(Carts carts, Checkout checkout, ShippingRates shipping, Points points, SignedInMember member,
			MemberAddresses addresses, ThemedResponses responses, MessageSource messages, Clock clock,
			PlatformTransactionManager transactions, Payments payments, ProviderCheckout providerCheckout,
			PinnedPages pinned, TransferInstructions transfers) {
		this.placing = new TransactionTemplate(transactions);
		this.transfers = transfers;
		this.payments = payments;
		this.providerCheckout = providerCheckout;
		this.pinned = pinned;
		this.carts = carts;
		this.checkout = checkout;
		this.shipping = shipping;
		this.points = points;
		this.member = member;
		this.addresses = addresses;
		this.responses = responses;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/s/{shopCode}/checkout")
	ResponseEntity<String> form(HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		CartContents cart = cart(shop, request);
		if (cart.lines().isEmpty()) {
			return redirect(shop.basePath() + "/cart");
		}
		Optional<AddressBook> book = book(shop);
		CheckoutForm form = book.map(CheckoutPrefill::buyer).orElseGet(CheckoutForm::empty);
		return showForm(shop, cart, form, List.of(), HttpStatus.OK, request, book, "");
	}

	@PostMapping("/s/{shopCode}/checkout/confirm")
	ResponseEntity<String> confirm(HttpServletRequest request, HttpServletResponse response) {
		ShopRequest shop = ThemedResponses.openShop(request);
		CartContents cart = cart(shop, request);
		if (cart.lines().isEmpty()) {
			return redirect(shop.basePath() + "/cart");
		}
		CheckoutForm form = CheckoutRequestForm.of(request);
		String chosen = String.valueOf(Optional.ofNullable(request.getParameter("addressId")).orElse("")).strip();
		Optional<AddressBook> book = chosen.isEmpty() ? Optional.empty() : book(shop);
		if (!chosen.isEmpty()) {
			// Resolved here, once: the confirmation carries the address's values, not its id.
			Optional<DeliveryAddress> address = book.flatMap(known -> savedAddress(known, chosen));
			if (address.isEmpty()) {
				return showForm(shop, cart, form, List.of(new OrderingException("addressId", "member.address.unknown")),
						HttpStatus.UNPROCESSABLE_CONTENT, request, book, chosen);
			}
			form = CheckoutPrefill.deliverTo(form, address.get());
		}
		try {
			Quote quote = checkout.quote(items(cart), form, memberId(shop));
			return showConfirmation(shop, form, quote, CheckoutKey.create(), false, request, response);
		}
		catch (CheckoutRejected rejected) {
			return showForm(shop, cart, form, rejected.problems(), HttpStatus.UNPROCESSABLE_CONTENT, request, book, chosen);
		}
	}

	@PostMapping("/s/{shopCode}/checkout/place")
	ResponseEntity<String> place(HttpServletRequest request, HttpServletResponse response) {
		ShopRequest shop = ThemedResponses.openShop(request);
		String key = request.getParameter("checkoutKey");
		CheckoutForm form = CheckoutRequestForm.of(request);
		try {
			Optional<OpenedPayment> opened = openPayment(shop, key, form, request);
			placing.executeWithoutResult(status -> placeOnce(shop, key, form, request, opened));
			return redirect(nextStep(shop, key, opened));
		}
		catch (PriceChanged changed) {
			return showConfirmation(shop, form, changed.current(), key, true, request, response);
		}
		catch (CheckoutRejected rejected) {
			boolean soldOut = rejected.problems().stream().anyMatch(p -> "cart".equals(p.field()));
			return showForm(shop, cart(shop, request), form, rejected.problems(),
					soldOut ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT, request, Optional.empty(), "");
		}
		catch (OrderingException refused) {
			return showForm(shop, cart(shop, request), form, List.of(refused), HttpStatus.UNPROCESSABLE_CONTENT, request,
					Optional.empty(), "");
		}
	}

	/**
	 * After "place order": the fixed page framing the provider's card fields, or the provider's
	 * own page, or (bank transfer, cash on delivery, a deferred payment screened at once) the
	 * completion page.
	 */
	private static String nextStep(ShopRequest shop, String key, Optional<OpenedPayment> opened) {
		if (opened.flatMap(OpenedPayment::fields).isPresent()) {
			return shop.basePath() + "/checkout/pay/" + key;
		}
		return opened.flatMap(OpenedPayment::redirect).map(URI::toString).orElse(completePath(shop, key));
	}

	/** Card, konbini and deferred payment are opened at the provider before the order is placed. */
	private Optional<OpenedPayment> openPayment(ShopRequest shop, String key, CheckoutForm form,
			HttpServletRequest request) {
		Optional<PaymentKind> kind = ProviderCheckout.kindOf(form);
		if (kind.isEmpty() || !CheckoutKey.isWellFormed(key)) {
			return Optional.empty();
		}
		return Optional.of(providerCheckout.open(shop, key, form, kind.get(), items(cart(shop, request)),
				memberId(shop), request));
	}

	/**
	 * The whole step in one transaction: the key looked up, the cart read, the order placed with
	 * its provider payment and the cart emptied, so an order placed is a cart emptied (both or
	 * neither). A refusal rolls it all back and is shown after.
	 */
	private void placeOnce(ShopRequest shop, String key, CheckoutForm form, HttpServletRequest request,
			Optional<OpenedPayment> opened) {
		if (CheckoutKey.isWellFormed(key) && checkout.findPlaced(key).isPresent()) {
			return;
		}
		CartContents cart = cart(shop, request);
		PlacedOrder placed = checkout.place(items(cart), form, memberId(shop), LocaleContextHolder.getLocale(), key,
				String.valueOf(request.getParameter("digest")));
		opened.ifPresent(payment -> payments.attach(payment, placed.id().value()));
		carts.find(CartPages.token(shop, request), member.idIn(shop.shop().id())).ifPresent(carts::clear);
	}

	/**
	 * Where the provider sends the shopper back, paid or not. The provider is asked at once, so
	 * the page is right even if its webhook has not arrived yet.
	 */
	@GetMapping("/s/{shopCode}/checkout/payment/return/{key}")
	ResponseEntity<String> paymentReturn(@PathVariable String key, HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		Optional<PlacedOrder> placed = CheckoutKey.isWellFormed(key) ? checkout.findPlaced(key) : Optional.empty();
		if (placed.isEmpty()) {
			return redirect(shop.basePath() + "/cart");
		}
		try {
			payments.refresh(placed.get().id().value());
		}
		catch (PaymentUnavailable later) {
			// The webhook or the reconciliation will bring the news; the page shows what is known.
		}
		return redirect(completePath(shop, key));
	}

	@GetMapping("/s/{shopCode}/checkout/complete/{key}")
	ResponseEntity<String> complete(@PathVariable String key, HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		Optional<PlacedOrder> placed = checkout.findPlaced(key);
		if (placed.isEmpty()) {
			return redirect(shop.basePath() + "/cart");
		}
		CheckoutView view = view();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("order", Map.of("number", placed.get().id().number(), "total_label", ShopperView.yen(placed.get().total()),
				"payment_label", view.message(placed.get().payment().messageKey()), "payment_note",
				view.message(placed.get().payment().messageKey() + ".note")));
		model.put("payment", payments.ofOrder(placed.get().id().value()).map(view::payment).orElse(Map.of()));
		model.put("bank_account", transfers.of(placed.get(), view));
		return responses.render(shop, HttpStatus.OK, "order-complete", model, request);
	}

	private ResponseEntity<String> showForm(ShopRequest shop, CartContents cart, CheckoutForm form,
			List<OrderingException> problems, HttpStatus status, HttpServletRequest request,
			Optional<AddressBook> known, String chosen) {
		CheckoutView view = view();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("cart", CartView.of(cart, shop.basePath(), Map.of()));
		model.put("form", CheckoutView.form(form));
		Map<String, Object> errors = new LinkedHashMap<>();
		problems.forEach(problem -> errors.merge(problem.field() == null ? "form" : problem.field(),
				messages.getMessage(problem, LocaleContextHolder.getLocale()), (a, b) -> a + " " + b));
		model.put("errors", errors);
		model.put("error_list", List.copyOf(errors.values()));
		model.put("prefectures", view.prefectures());
		var choices = shipping.deliveryChoices(LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Tokyo"))));
		model.put("delivery_dates", view.dates(choices));
		model.put("slots", view.slots(choices));
		model.put("payments", view.payments(providerCheckout::offered));
		// Card missing from the list while a provider is there: an operator stopped it. Say so.
		model.put("payment_notice", payments.providerOrigin().isPresent() && !payments.offers(PaymentKind.CARD)
				? view.message("checkout.payment.stopped") : "");
		Optional<Long> signedIn = member.idIn(shop.shop().id());
		model.put("member", Map.of("signed_in", signedIn.isPresent(), "points",
				signedIn.map(points::balance).orElse(0L), "login_url", shop.basePath() + "/account/login", "addresses_url",
				shop.basePath() + "/account/addresses"));
		Optional<AddressBook> book = known.isPresent() ? known : book(shop);
		model.put("saved_addresses", book.map(b -> CheckoutPrefill.choices(b, chosen, view.locale())).orElse(List.of()));
		return responses.render(shop, status, "checkout", model, request);
	}

	/** "Place order" may be answered with a redirect to the payment provider: its origin is a form target here. */
	private ResponseEntity<String> showConfirmation(ShopRequest shop, CheckoutForm form, Quote quote, String key,
			boolean priceChanged, HttpServletRequest request, HttpServletResponse response) {
		if (ProviderCheckout.kindOf(form).isPresent()) {
			payments.providerOrigin().ifPresent(origin -> WebBaseline.allowFormsTo(response, origin));
		}
		CheckoutView view = view();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("quote", view.quote(quote));
		model.put("form", CheckoutView.form(form));
		model.put("prefecture_name", view.prefectureName(form.prefecture()));
		model.put("hidden", CheckoutView.hidden(form));
		model.put("checkout_key", key);
		model.put("digest", quote.digest());
		model.put("price_changed", priceChanged);
		HttpStatus status = priceChanged ? HttpStatus.CONFLICT : HttpStatus.OK;
		if (ProviderCheckout.kindOf(form).isPresent()) {
			// The step that leads to the provider's page is pinned: no theme code, and no script at all.
			WebBaseline.forbidScripts(response);
			return pinned.render(shop, status, "storefront/checkout-confirm", model, request, response);
		}
		return responses.render(shop, status, "checkout-confirm", model, request);
	}

	private CartContents cart(ShopRequest shop, HttpServletRequest request) {
		Optional<CartId> cart = carts.find(CartPages.token(shop, request), member.idIn(shop.shop().id()));
		return cart.map(carts::contents).orElse(CartContents.EMPTY);
	}

	private static List<CheckoutItem> items(CartContents cart) {
		return cart.lines().stream().map(line -> new CheckoutItem(line.variant(), line.quantity())).toList();
	}

	/** The signed-in member's address book, read on record; nothing for a guest. */
	private Optional<AddressBook> book(ShopRequest shop) {
		return member.idIn(shop.shop().id())
			.map(id -> addresses.of(shop.shop().id(), id, "checkout filled in from the member's addresses"));
	}

	private static Optional<DeliveryAddress> savedAddress(AddressBook book, String chosen) {
		return chosen.matches("[1-9]\\d{0,17}") ? book.saved(Long.parseLong(chosen)) : Optional.empty();
	}

	private Long memberId(ShopRequest shop) {
		return member.idIn(shop.shop().id()).orElse(null);
	}

	private CheckoutView view() {
		Locale locale = LocaleContextHolder.getLocale();
		return new CheckoutView(messages, Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH
				: Locale.JAPANESE);
	}

	private static String completePath(ShopRequest shop, String key) {
		return shop.basePath() + "/checkout/complete/" + key;
	}

	private static ResponseEntity<String> redirect(String location) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
	}

}
