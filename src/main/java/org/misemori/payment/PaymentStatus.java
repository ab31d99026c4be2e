package org.misemori.payment;

/** Where a payment is, in the provider's words (docs/sandbox-pay.md). */
public enum PaymentStatus {

	REQUIRES_PAYMENT, AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, DECLINED, CANCELED, AWAITING_KONBINI,
	EXPIRED, UNDER_REVIEW;

	/** The money is assured: the order may be prepared and shipped. */
	public boolean secured() {
		return this == AUTHORIZED || this == CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED;
	}

	/** The payment will not happen: the order's units should go back to stock. */
	public boolean abandoned() {
		return this == CANCELED || this == EXPIRED;
	}

	/** Nothing more will happen unless someone acts: the reconciliation job stops asking. */
	public boolean open() {
		return this == REQUIRES_PAYMENT || this == AWAITING_KONBINI || this == UNDER_REVIEW;
	}

}
