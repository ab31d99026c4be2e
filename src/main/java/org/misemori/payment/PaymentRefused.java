package org.misemori.payment;

/**
 * The provider refused a request as not allowed now (capture of a declined payment, a refund
 * of more than was captured). Carries a message key for staff; nothing changed.
 */
public class PaymentRefused extends RuntimeException {

	private final String messageKey;

	public PaymentRefused(String messageKey, String detail) {
		super(messageKey + ": " + detail);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
