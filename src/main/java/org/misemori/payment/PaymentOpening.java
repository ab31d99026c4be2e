package org.misemori.payment;

import java.net.URI;
import java.util.Optional;

/**
 * A payment to open at the provider for an order about to be placed. {@code reference} is
 * stable for the checkout (derived from its one-time key), so a double-clicked "place order"
 * opens the same payment twice, not two payments. {@code buyer} is for deferred payment's
 * screening only and is not sent for the other kinds. {@code clientAddress} is the shopper's IP
 * address, for the limits on payment attempts; it is not sent to the provider. {@code page}:
 * the shop's choice, filled in by {@link Payments#open}.
 */
public record PaymentOpening(PaymentKind kind, long amount, String shopCode, String reference, URI returnUrl,
		URI cancelUrl, Optional<String> customerReference, Optional<Buyer> buyer, String clientAddress, CardPage page) {

	public PaymentOpening {
		if (amount <= 0) {
			throw new IllegalArgumentException("A payment is of a positive amount");
		}
		if (kind == PaymentKind.DEFERRED && buyer.isEmpty()) {
			throw new IllegalArgumentException("Deferred payment screens the buyer");
		}
	}

	/** The same opening, its card typed on {@code page}. */
	public PaymentOpening on(CardPage page) {
		return new PaymentOpening(kind, amount, shopCode, reference, returnUrl, cancelUrl, customerReference, buyer,
				clientAddress, page);
	}

	/** Who will pay a deferred payment's invoice. */
	public record Buyer(String name, String email, String phone, String postalCode, String address) {
	}

}
