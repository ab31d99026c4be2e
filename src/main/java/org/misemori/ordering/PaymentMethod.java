package org.misemori.ordering;

/**
 * How an order is paid, until the payments module brings card, konbini and deferred payment:
 * bank transfer (paid before shipping) and cash on delivery (代引き, collected by the carrier
 * with its fee).
 */
public enum PaymentMethod {

	BANK_TRANSFER, CASH_ON_DELIVERY;

	public String messageKey() {
		return "ordering.payment." + name();
	}

}
