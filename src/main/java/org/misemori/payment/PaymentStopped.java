package org.misemori.payment;

/**
 * An operator stopped card payments, for this shop or for every shop (the emergency stop).
 * Nothing was opened at the provider; the shopper is offered the other ways of paying.
 */
public class PaymentStopped extends PaymentUnavailable {

	public PaymentStopped(String message) {
		super(message, null);
	}

}
