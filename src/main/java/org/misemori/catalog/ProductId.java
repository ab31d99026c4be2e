package org.misemori.catalog;

/** A product's id within its shop. */
public record ProductId(long value) {

	public ProductId {
		if (value <= 0) {
			throw new IllegalArgumentException("A product id is positive: " + value);
		}
	}

}
