package org.misemori.payment;

/** The ways of paying that go through a provider; bank transfer and cash on delivery do not. */
public enum PaymentKind {

	/** Credit card, entered on the provider's page; 3-D Secure on every payment. */
	CARD,
	/** Paid in cash at a convenience store with the slip's number before its deadline. */
	KONBINI,
	/** 後払い: the provider screens the buyer, the shop ships, the buyer pays the provider later. */
	DEFERRED

}
