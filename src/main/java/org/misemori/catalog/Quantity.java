package org.misemori.catalog;

/**
 * How many units of a variant one line reserves or buys: 1 to 9,999. Zero, negative and
 * absurd quantities are refused at the edge, before any stock is touched.
 */
public record Quantity(int value) {

	public static final int MAX = 9_999;

	public Quantity {
		if (value <= 0) {
			throw new CatalogException("catalog.quantity.not-positive");
		}
		if (value > MAX) {
			throw new CatalogException("catalog.quantity.too-many", MAX);
		}
	}

	/** From a form or URL, where it may be anything. */
	public static Quantity parse(String text) {
		try {
			return new Quantity(Integer.parseInt(text == null ? "" : text.strip()));
		}
		catch (NumberFormatException ex) {
			if (text != null && text.strip().matches("-?\\d+")) {
				throw new CatalogException(text.strip().startsWith("-") ? "catalog.quantity.not-positive"
						: "catalog.quantity.too-many", MAX);
			}
			throw new CatalogException("catalog.quantity.not-a-number");
		}
	}

}
