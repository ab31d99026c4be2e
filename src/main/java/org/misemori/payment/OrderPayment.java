package org.misemori.payment;

import java.util.Optional;

/** An order's provider payment as Misemori recorded it, for the shopper's and staff's pages. */
public record OrderPayment(long orderId, PaymentKind kind, PaymentStatus status, long amount, long capturedAmount,
		long refundedAmount, Optional<CardFacts> card, Optional<KonbiniSlip> konbini, Optional<String> declineCode,
		Optional<String> heldReason) {

	/** Held for a person: the provider reported an amount other than the order's. */
	public boolean held() {
		return heldReason.isPresent();
	}

}
