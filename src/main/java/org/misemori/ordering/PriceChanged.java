package org.misemori.ordering;

/**
 * The order would now cost something other than what the shopper confirmed (a price, coupon,
 * fee or points balance changed in between); nothing was placed. {@link #current()} is what it
 * costs now, for the shopper to confirm again.
 */
public class PriceChanged extends RuntimeException {

	private final transient Quote current;

	public PriceChanged(Quote current) {
		super("The order's total changed since it was confirmed");
		this.current = current;
	}

	public Quote current() {
		return current;
	}

}
