package org.misemori.ordering;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checkout in the current shop ({@code platform.TenantContext}). {@code memberId} is the
 * signed-in member placing the order, or {@code null} for a guest (a guest cannot use points).
 */
public interface Checkout {

	/**
	 * Validates the form and prices the items with today's catalog, the shop's shipping rules,
	 * the coupon and the points.
	 * @throws CheckoutRejected naming every problem
	 */
	Quote quote(List<CheckoutItem> items, CheckoutForm form, Long memberId);

	/**
	 * Places the order the shopper confirmed, all or nothing: the order and its lines, the units
	 * held, the coupon and the points taken, the points earned, the confirmation mail queued.
	 * The same {@code checkoutKey} places one order however often it is sent, even at once.
	 * @param confirmedDigest the {@link Quote#digest()} of the confirmation page the shopper saw
	 * @throws PriceChanged if the order would cost something else now (nothing placed)
	 * @throws CheckoutRejected if the form is no longer valid, or a unit is no longer there
	 */
	PlacedOrder place(List<CheckoutItem> items, CheckoutForm form, Long memberId, Locale locale, String checkoutKey,
			String confirmedDigest);

	/** The order a checkout key placed, for the completion page (the key is the shopper's secret). */
	Optional<PlacedOrder> findPlaced(String checkoutKey);

}
