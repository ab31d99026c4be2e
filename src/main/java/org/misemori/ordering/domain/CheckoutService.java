package org.misemori.ordering.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.misemori.catalog.Catalog;
import org.misemori.catalog.Quantity;
import org.misemori.catalog.VariantId;
import org.misemori.ordering.Checkout;
import org.misemori.ordering.CheckoutForm;
import org.misemori.ordering.CheckoutItem;
import org.misemori.ordering.CheckoutKey;
import org.misemori.ordering.CheckoutRejected;
import org.misemori.ordering.OrderPlaced;
import org.misemori.ordering.OrderStatus;
import org.misemori.ordering.OrderingException;
import org.misemori.ordering.PlacedOrder;
import org.misemori.ordering.PriceChanged;
import org.misemori.ordering.Quote;
import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;
import org.misemori.shipping.ShippingRates;
import org.misemori.tax.ShopTaxSettings;
import org.misemori.tax.TaxSettings;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places orders all or nothing. Everything an order is — its row and lines, its units held,
 * its coupon use and points, its confirmation mail — is written in one transaction, so a
 * failure anywhere (the last unit gone, the coupon used up by someone else a moment ago)
 * leaves nothing behind but the shopper's cart.
 */
@Service
@Transactional
class CheckoutService implements Checkout {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final Pricing pricing;

	private final OrderRows rows;

	private final OrderSeals seals;

	private final Catalog catalog;

	private final ShippingRates shipping;

	private final OrderRewards rewards;

	private final ShopTaxSettings taxSettings;

	private final OrderMails mails;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CheckoutService(Pricing pricing, OrderRows rows, OrderSeals seals, Catalog catalog, ShippingRates shipping,
			OrderRewards rewards, ShopTaxSettings taxSettings, OrderMails mails,
			ApplicationEventPublisher events, Clock clock) {
		this.pricing = pricing;
		this.rows = rows;
		this.seals = seals;
		this.catalog = catalog;
		this.shipping = shipping;
		this.rewards = rewards;
		this.taxSettings = taxSettings;
		this.mails = mails;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Quote quote(List<CheckoutItem> items, CheckoutForm form, Long memberId) {
		Instant now = clock.instant();
		return pricing.price(items, CheckoutInput.read(form, LocalDate.ofInstant(now, JAPAN), shipping), memberId, now);
	}

	@Override
	public PlacedOrder place(List<CheckoutItem> items, CheckoutForm form, Long memberId, Locale locale,
			String checkoutKey, String confirmedDigest) {
		byte[] keyHash = CheckoutKey.hashOf(checkoutKey);
		Optional<PlacedOrder> placedBefore = rows.findByCheckoutKey(keyHash);
		if (placedBefore.isPresent()) {
			return placedBefore.get();
		}
		Instant now = clock.instant();
		ValidCheckout checkout = CheckoutInput.read(form, LocalDate.ofInstant(now, JAPAN), shipping);
		Quote quote = pricing.price(items, checkout, memberId, now);
		if (!quote.digest().equals(confirmedDigest)) {
			throw new PriceChanged(quote);
		}
		ShopId shop = shop();
		long id = rows.nextId();
		TaxSettings tax = taxSettings.current();
		NewOrder order = new NewOrder(shop.value(), id, keyHash, memberId, quote, language(locale), now,
				tax.rounding().name(), tax.registrationNumber().map(Object::toString).orElse(null),
				seals.emailIndex(shop, checkout.shopper().email()), seals.seal(shop, id, checkout.shopper()));
		if (!rows.insert(order)) {
			// A second click of the same confirmation, made while the first was being placed.
			return rows.findByCheckoutKey(keyHash).orElseThrow();
		}
		rows.insertLines(shop.value(), id, quote.lines());
		holdUnits(quote);
		rewards.take(quote, memberId, id, now);
		rows.recordStatus(shop.value(), id, null, OrderStatus.RECEIVED, now, memberId == null ? "guest" : "member:" + memberId);
		mails.confirmation(shop, id, quote, checkout.shopper(), order.registrationNumber(), now);
		events.publishEvent(new OrderPlaced(shop.value(), id, memberId, quote.total(), quote.payment(), now));
		return new PlacedOrder(new org.misemori.ordering.OrderId(id), quote.total(), quote.payment(), now, true);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PlacedOrder> findPlaced(String checkoutKey) {
		return CheckoutKey.isWellFormed(checkoutKey) ? rows.findByCheckoutKey(CheckoutKey.hashOf(checkoutKey))
				: Optional.empty();
	}

	/** In variant order (the quote's), so concurrent checkouts lock stock rows in the same order. */
	private void holdUnits(Quote quote) {
		for (Quote.Line line : quote.lines()) {
			if (!catalog.reserve(new VariantId(line.variantId()), new Quantity(line.quantity()))) {
				throw new CheckoutRejected(List.of(new OrderingException("cart", "ordering.cart.soldOut",
						line.productTitle() + (line.variantName().isEmpty() ? "" : " (" + line.variantName() + ")"))));
			}
		}
	}

	private static String language(Locale locale) {
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "ja";
	}

	private static ShopId shop() {
		return TenantContext.current().orElseThrow(() -> new IllegalStateException("No current shop"));
	}

}
