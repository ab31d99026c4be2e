package org.misemori.ordering;

import java.util.Optional;

import org.misemori.payment.PaymentKind;

/**
 * How an order is paid: bank transfer (paid before shipping) and cash on delivery (代引き,
 * collected by the carrier with its fee) need no provider; card, konbini and deferred payment
 * (後払い) go through the payment provider, on its pages.
 */
public enum PaymentMethod {

	BANK_TRANSFER, CASH_ON_DELIVERY, CARD, KONBINI, DEFERRED;

	public String messageKey() {
		return "ordering.payment." + name();
	}

	/** The provider's kind of payment, for the methods a provider handles. */
	public Optional<PaymentKind> providerKind() {
		return switch (this) {
			case CARD -> Optional.of(PaymentKind.CARD);
			case KONBINI -> Optional.of(PaymentKind.KONBINI);
			case DEFERRED -> Optional.of(PaymentKind.DEFERRED);
			case BANK_TRANSFER, CASH_ON_DELIVERY -> Optional.empty();
		};
	}

}
