package org.misemori.payment;

import java.time.Instant;

/** What the shopper takes to the store: the payment number, and the time after which it is void. */
public record KonbiniSlip(String paymentNumber, Instant deadline) {

	public KonbiniSlip {
		if (paymentNumber == null || !paymentNumber.matches("[0-9-]{4,30}") || deadline == null) {
			throw new IllegalArgumentException("Not a konbini slip");
		}
	}

}
