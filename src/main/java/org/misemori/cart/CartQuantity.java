package org.misemori.cart;

/**
 * How many units of one variant a cart line holds: 1 to 99. A shopper buying more than 99 of
 * one thing is a wholesale order or a mistake; either way not a cart line.
 */
public record CartQuantity(int value) {

	public static final int MAX = 99;

	public CartQuantity {
		if (value < 1) {
			throw new CartException("cart.quantity.too-few");
		}
		if (value > MAX) {
			throw new CartException("cart.quantity.too-many", MAX);
		}
	}

	/** From a form, where it may be anything; long digit strings are refused before parsing. */
	public static CartQuantity parse(String text) {
		String digits = text == null ? "" : text.strip();
		if (!digits.matches("-?\\d{1,12}")) {
			throw new CartException("cart.quantity.not-a-number");
		}
		if (digits.startsWith("-")) {
			throw new CartException("cart.quantity.too-few");
		}
		long value = Long.parseLong(digits);
		return new CartQuantity(value > MAX ? MAX + 1 : (int) value);
	}

	/** This quantity and {@code more}, at most {@link #MAX}. */
	public CartQuantity plus(CartQuantity more) {
		return new CartQuantity(Math.min(MAX, value + more.value));
	}

}
