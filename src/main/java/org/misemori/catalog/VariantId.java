package org.misemori.catalog;

/** A variant's id within its shop: what a cart line and a stock reservation point at. */
public record VariantId(long value) {

	public VariantId {
		if (value <= 0) {
			throw new IllegalArgumentException("A variant id is positive: " + value);
		}
	}

}
