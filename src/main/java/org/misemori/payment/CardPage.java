package org.misemori.payment;

/**
 * Where a shopper types their card: on the provider's own page ({@link #REDIRECT}, the
 * default), or in the provider's card fields framed by Misemori's fixed payment page
 * ({@link #IFRAME}). Either way the card number goes to the provider's origin only.
 */
public enum CardPage {

	REDIRECT, IFRAME

}
