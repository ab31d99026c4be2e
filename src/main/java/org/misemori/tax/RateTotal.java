package org.misemori.tax;

/**
 * One rate's line on a 適格請求書: the tax-inclusive total after discounts and fees, the tax in
 * it (rounded once) and the amount without tax.
 */
public record RateTotal(TaxRate rate, long total, long tax) {

	public long net() {
		return total - tax;
	}

}
