package org.misemori.cart;

import org.misemori.catalog.VariantId;

/**
 * One line of a cart as the shopper sees it now: the price is the catalog's current price, not
 * the price when the line was added. {@code available} is false when the variant has no unit
 * left to sell (stock is only reserved at checkout).
 */
public record CartLine(VariantId variant, String productHandle, String productTitle, String variantName, int quantity,
		long unitPriceYen, boolean available) {

	public long lineTotalYen() {
		return unitPriceYen * quantity;
	}

}
