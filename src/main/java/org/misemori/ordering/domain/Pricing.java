package org.misemori.ordering.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.misemori.catalog.Catalog;
import org.misemori.catalog.Product;
import org.misemori.catalog.TaxClass;
import org.misemori.catalog.Variant;
import org.misemori.catalog.VariantOption;
import org.misemori.loyalty.CouponGrant;
import org.misemori.loyalty.Coupons;
import org.misemori.loyalty.LoyaltyException;
import org.misemori.loyalty.Points;
import org.misemori.loyalty.PointsSettings;
import org.misemori.ordering.CheckoutItem;
import org.misemori.ordering.CheckoutRejected;
import org.misemori.ordering.OrderingException;
import org.misemori.ordering.PaymentMethod;
import org.misemori.ordering.Quote;
import org.misemori.shipping.ShippingException;
import org.misemori.shipping.ShippingRates;
import org.misemori.tax.Coupon;
import org.misemori.tax.OrderLine;
import org.misemori.tax.ShopTaxSettings;
import org.misemori.tax.TaxBreakdown;
import org.misemori.tax.TaxRate;
import org.misemori.tax.TaxableOrder;

import org.springframework.stereotype.Component;

/**
 * Prices a valid checkout with what is true now: the catalog's prices, the shop's shipping
 * rules and COD fees, the coupon, the member's points, and tax once per rate. Reads only; the
 * order's side effects are {@link CheckoutService}'s.
 */
@Component
class Pricing {

	private final Catalog catalog;

	private final ShippingRates shipping;

	private final Coupons coupons;

	private final Points points;

	private final ShopTaxSettings taxSettings;

	Pricing(Catalog catalog, ShippingRates shipping, Coupons coupons, Points points, ShopTaxSettings taxSettings) {
		this.catalog = catalog;
		this.shipping = shipping;
		this.coupons = coupons;
		this.points = points;
		this.taxSettings = taxSettings;
	}

	Quote price(List<CheckoutItem> items, ValidCheckout checkout, Long memberId, Instant now) {
		List<Quote.Line> lines = lines(items);
		long goods = lines.stream().mapToLong(Quote.Line::amount).sum();
		Optional<CouponGrant> coupon = checkout.couponCode().map(code -> coupon(code, goods, now));
		// A fixed coupon worth more than the goods takes the goods to zero, never below.
		long discount = coupon.map(grant -> Math.min(goods, grant.asTaxCoupon().amountOff(goods))).orElse(0L);
		PointsSettings pointsSettings = points.settings();
		long pointsUsed = pointsUsed(checkout.points(), memberId, pointsSettings, goods - discount);
		long shippingFee = shipping.quote(checkout.shopper().prefecture(), goods, false).total();
		long codFee = checkout.payment() == PaymentMethod.CASH_ON_DELIVERY
				? codFee(goods - discount - pointsUsed + shippingFee) : 0;
		TaxBreakdown tax = TaxBreakdown.of(new TaxableOrder(taxLines(lines),
				discount > 0 ? Coupon.fixed(discount) : Coupon.NONE, pointsUsed, shippingFee, codFee),
				taxSettings.current().rounding());
		long toEarn = memberId != null && pointsSettings.enabled() ? tax.pointsBase() * pointsSettings.earnPercent() / 100 : 0;
		return QuoteDigest.sign(new Quote(lines, goods, coupon.map(CouponGrant::code), tax.couponDiscount(), pointsUsed,
				toEarn, shippingFee, codFee, tax.grandTotal(), tax.rates(), checkout.payment(), checkout.deliveryDate(),
				checkout.slot().map(slot -> slot.code()), ""));
	}

	/**
	 * The items as they are for sale now, in variant order (the order their stock is locked in,
	 * so two checkouts never wait on each other in a circle). A product withdrawn since it was
	 * put in the cart is named, not silently dropped.
	 */
	private List<Quote.Line> lines(List<CheckoutItem> items) {
		if (items.isEmpty()) {
			throw rejected("cart", "ordering.cart.empty");
		}
		List<Quote.Line> lines = new ArrayList<>();
		for (CheckoutItem item : items.stream().sorted(Comparator.comparingLong(i -> i.variant().value())).toList()) {
			if (item.quantity() < 1 || item.quantity() > 99) {
				throw rejected("cart", "ordering.cart.quantityInvalid");
			}
			Product product = catalog.findPublishedByVariant(item.variant())
				.orElseThrow(() -> rejected("cart", "ordering.cart.itemWithdrawn"));
			Variant variant = product.variants().stream().filter(v -> v.id().equals(item.variant())).findFirst()
				.orElseThrow(() -> rejected("cart", "ordering.cart.itemWithdrawn"));
			lines.add(new Quote.Line(product.id().value(), variant.id().value(), product.title(), variantName(variant),
					variant.priceYen(), item.quantity(), product.taxClass() == TaxClass.REDUCED));
		}
		return lines;
	}

	private static String variantName(Variant variant) {
		return String.join(" / ", variant.options().stream().map(VariantOption::value).toList());
	}

	private CouponGrant coupon(String code, long goods, Instant now) {
		try {
			return coupons.check(code, goods, now);
		}
		catch (LoyaltyException refused) {
			throw rejected("couponCode", refused.messageKey(), refused.getArguments());
		}
	}

	private long pointsUsed(long wanted, Long memberId, PointsSettings settings, long payable) {
		if (wanted == 0) {
			return 0;
		}
		if (memberId == null) {
			throw rejected("points", "ordering.points.membersOnly");
		}
		if (!settings.enabled()) {
			throw rejected("points", "ordering.points.disabled");
		}
		if (wanted < settings.minimumRedeem()) {
			throw rejected("points", "ordering.points.belowMinimum", settings.minimumRedeem());
		}
		long balance = points.balance(memberId);
		if (wanted > balance) {
			throw rejected("points", "ordering.points.moreThanBalance", balance);
		}
		if (wanted > payable) {
			throw rejected("points", "ordering.points.moreThanGoods", payable);
		}
		return wanted;
	}

	private long codFee(long toCollect) {
		try {
			return shipping.codFee(toCollect);
		}
		catch (ShippingException refused) {
			throw rejected("payment", refused.messageKey(), refused.getArguments());
		}
	}

	private static List<OrderLine> taxLines(List<Quote.Line> lines) {
		return lines.stream()
			.map(line -> new OrderLine(line.productTitle(), line.unitPrice(), line.quantity(),
					line.reduced() ? TaxRate.REDUCED : TaxRate.STANDARD))
			.toList();
	}

	private static CheckoutRejected rejected(String field, String key, Object... arguments) {
		return new CheckoutRejected(List.of(new OrderingException(field, key, arguments)));
	}

}
