package org.misemori.payment;

/**
 * All Misemori ever holds of a card: what the shopper needs to recognise it ("VISA ending in
 * 4242, 12/2030"). The constructor refuses anything longer than four digits, so a provider
 * adapter that passed a whole number by mistake fails loudly instead of storing it.
 */
public record CardFacts(String brand, String last4, int expMonth, int expYear) {

	public CardFacts {
		if (brand == null || !brand.matches("[A-Z_]{2,20}")) {
			throw new IllegalArgumentException("Not a card brand");
		}
		if (last4 == null || !last4.matches("[0-9]{4}")) {
			throw new IllegalArgumentException("Not the last four digits of a card");
		}
		if (expMonth < 1 || expMonth > 12 || expYear < 2000 || expYear > 2100) {
			throw new IllegalArgumentException("Not a card expiry");
		}
	}

}
