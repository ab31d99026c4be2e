package org.misemori.payment;

/**
 * The provider could not be reached or refused to work (down, timing out, answering 5xx). The
 * shopper is offered the other ways of paying; nothing was opened, so nothing can be paid twice.
 */
public class PaymentUnavailable extends RuntimeException {

	public PaymentUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
