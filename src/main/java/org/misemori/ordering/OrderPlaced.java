package org.misemori.ordering;

import java.time.Instant;

/** An order was placed (published in its transaction; listeners that must not fail it listen after commit). */
public record OrderPlaced(long shopId, long orderId, Long memberId, long total, PaymentMethod payment,
		Instant placedAt) {
}
