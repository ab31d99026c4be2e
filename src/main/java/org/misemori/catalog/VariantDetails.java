package org.misemori.catalog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the owner sets for one variant: its SKU, up to three options, its price in yen with
 * tax included (総額表示), and the units on hand.
 */
public record VariantDetails(String sku, List<VariantOption> options, long priceYen, int onHand) {

	public static final long MAX_PRICE_YEN = 10_000_000;

	public static final int MAX_ON_HAND = 1_000_000;

	private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	public VariantDetails {
		sku = sku == null ? "" : sku.strip();
		options = options == null ? List.of() : List.copyOf(options);
		if (sku.isEmpty()) {
			throw new CatalogException("catalog.sku.empty");
		}
		if (!SKU.matcher(sku).matches()) {
			throw new CatalogException("catalog.sku.shape");
		}
		if (options.size() > 3) {
			throw new CatalogException("catalog.option.too-many", 3);
		}
		if (priceYen <= 0) {
			throw new CatalogException("catalog.price.not-positive");
		}
		if (priceYen > MAX_PRICE_YEN) {
			throw new CatalogException("catalog.price.too-high", MAX_PRICE_YEN);
		}
		if (onHand < 0) {
			throw new CatalogException("catalog.stock.negative");
		}
		if (onHand > MAX_ON_HAND) {
			throw new CatalogException("catalog.stock.too-high", MAX_ON_HAND);
		}
	}

}
