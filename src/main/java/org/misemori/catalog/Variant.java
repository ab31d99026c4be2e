package org.misemori.catalog;

import java.util.List;

/** A variant as stored: price in yen with tax included, units on hand and reserved. */
public record Variant(VariantId id, ProductId productId, String sku, List<VariantOption> options, long priceYen,
		int onHand, int reserved) {

	public Variant {
		options = List.copyOf(options);
	}

	/** Units a shopper can still buy. */
	public int available() {
		return onHand - reserved;
	}

	public VariantDetails details() {
		return new VariantDetails(sku, options, priceYen, onHand);
	}

}
