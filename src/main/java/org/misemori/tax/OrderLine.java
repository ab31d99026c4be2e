package org.misemori.tax;

import java.util.Objects;

/**
 * One line of an order: a tax-inclusive unit price (総額表示, as the shopper saw it) times a
 * quantity, at one rate. The limits refuse absurd input before it can overflow anything:
 * a 1,000-line order at the largest price and quantity stays far below {@code Long.MAX_VALUE}
 * even multiplied by 110.
 */
public record OrderLine(String name, long unitPrice, int quantity, TaxRate rate) {

	public static final long MAX_UNIT_PRICE = 10_000_000;

	public static final int MAX_QUANTITY = 9_999;

	public OrderLine {
		Objects.requireNonNull(rate, "rate");
		name = name == null ? "" : name;
		if (quantity <= 0) {
			throw new TaxInputException("tax.quantity.invalid", quantity);
		}
		if (quantity > MAX_QUANTITY) {
			throw new TaxInputException("tax.quantity.tooLarge", quantity, MAX_QUANTITY);
		}
		if (unitPrice <= 0) {
			throw new TaxInputException("tax.price.invalid", unitPrice);
		}
		if (unitPrice > MAX_UNIT_PRICE) {
			throw new TaxInputException("tax.price.tooLarge", unitPrice, MAX_UNIT_PRICE);
		}
	}

	/** Tax-inclusive amount of the line. */
	public long amount() {
		return unitPrice * quantity;
	}

}
