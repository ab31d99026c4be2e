package org.misemori.payment;

/**
 * Too many card payment attempts from this address, by this member or in this shop within the
 * window (card testing: trying stolen numbers one after another). Nothing was opened at the
 * provider and the attempt was not counted.
 */
public class PaymentAttemptsExceeded extends PaymentUnavailable {

	public PaymentAttemptsExceeded(String message) {
		super(message, null);
	}

}
