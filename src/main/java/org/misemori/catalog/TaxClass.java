package org.misemori.catalog;

/**
 * Which consumption-tax rate is inside a product's tax-inclusive price: the standard 10%, or
 * the reduced 8% (軽減税率) for food and drink other than alcohol and eating in.
 */
public enum TaxClass {

	STANDARD(10), REDUCED(8);

	private final int ratePercent;

	TaxClass(int ratePercent) {
		this.ratePercent = ratePercent;
	}

	public int ratePercent() {
		return ratePercent;
	}

}
