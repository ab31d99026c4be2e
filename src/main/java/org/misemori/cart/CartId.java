package org.misemori.cart;

/** A cart's id within its shop. */
public record CartId(long value) {

	public CartId {
		if (value <= 0) {
			throw new IllegalArgumentException("A cart id is positive: " + value);
		}
	}

}
