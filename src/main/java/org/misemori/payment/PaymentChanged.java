package org.misemori.payment;

/**
 * An order's payment changed (a webhook, a reconciliation, staff capturing or refunding).
 * Published inside the transaction that recorded the change, so the order's own change
 * (paid, cancelled) commits with it or not at all. {@code held}: the amounts disagree and a
 * person must look before the order moves on. {@code actor}: the provider (a webhook), the
 * reconciliation, or the staff member who captured, cancelled or refunded.
 */
public record PaymentChanged(long shopId, long orderId, PaymentKind kind, PaymentStatus status, boolean held,
		String actor) {
}
