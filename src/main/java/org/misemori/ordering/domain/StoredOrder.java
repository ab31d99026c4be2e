package org.misemori.ordering.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.misemori.ordering.OrderId;
import org.misemori.ordering.OrderStatus;
import org.misemori.ordering.PaymentMethod;
import org.misemori.tax.RateTotal;

/** An order row as stored: personal values still sealed, in the order of {@link OrderRows#SEALED}. */
record StoredOrder(OrderId id, Long memberId, OrderStatus status, PaymentMethod payment, Instant placedAt,
		String locale, long goodsSubtotal, String couponCode, long couponDiscount, long pointsUsed, long pointsEarned,
		long shippingFee, long codFee, long total, List<RateTotal> rates, String registrationNumber,
		LocalDate deliveryDate, String deliverySlot, String carrier, String trackingNumber, Instant shippedAt,
		byte[][] sealed) {

	byte[] sealed(String field) {
		return sealed[OrderRows.SEALED.indexOf(field)];
	}

}
