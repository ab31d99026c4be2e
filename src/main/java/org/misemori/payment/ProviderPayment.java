package org.misemori.payment;

import java.util.Optional;

/**
 * A payment as its provider reports it. {@code version} rises with every change, so of two
 * reports the newer one wins whatever order they arrive in. {@code shop} and
 * {@code merchantReference} are what Misemori sent when it opened the payment.
 */
public record ProviderPayment(String id, int version, PaymentStatus status, PaymentKind kind, long amount,
		long capturedAmount, long refundedAmount, String shop, String merchantReference, Optional<CardFacts> card,
		Optional<String> threeDSecure, Optional<String> declineCode, Optional<KonbiniSlip> konbini) {

	public ProviderPayment {
		if (id == null || !id.matches("[A-Za-z0-9_-]{4,100}")) {
			throw new IllegalArgumentException("Not a provider payment id");
		}
	}

}
