package org.misemori.ordering;

import java.time.Instant;

/** An order that exists: placed now, or found again by the same checkout key (a retry). */
public record PlacedOrder(OrderId id, long total, PaymentMethod payment, Instant placedAt, boolean placedNow) {
}
