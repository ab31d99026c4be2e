package org.misemori.shipping;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The current shop's ({@link org.misemori.platform.TenantContext}) shipping fees, COD fee and
 * delivery options, as checkout needs them. A shop that never saved its settings gets
 * {@link ShippingSettings#DEFAULTS}.
 */
public interface ShippingRates {

	ShippingSettings settings();

	/** Saves {@code settings} for the current shop and audits the change; an unchanged save records nothing. */
	void update(ShippingSettings settings, String changedBy);

	/** Free when the merchandise total reaches the threshold; the cool surcharge applies even then. */
	ShippingQuote quote(Prefecture destination, long merchandiseTotalYen, boolean cool);

	/**
	 * The COD fee for collecting {@code amountToCollectYen}, from the shop's tiers.
	 * @throws ShippingException above the last tier (the 代引き upper limit) or when negative
	 */
	long codFee(long amountToCollectYen);

	/** Dates from orderDate + earliest to orderDate + latest days, and the slots the shop offers. */
	DeliveryChoices deliveryChoices(LocalDate orderDate);

	/**
	 * Checks a shopper's wish (both optional).
	 * @throws ShippingException {@code shipping.delivery.tooEarly}, {@code shipping.delivery.tooLate}
	 * or {@code shipping.delivery.slotUnavailable}
	 */
	void checkDelivery(LocalDate orderDate, Optional<LocalDate> date, Optional<DeliverySlot> slot);

}
