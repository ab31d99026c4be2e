package org.misemori.tax;

/**
 * The consumption-tax rates in force since October 2019. The reduced rate (food and drink
 * other than alcohol and eating in, newspapers on subscription) is marked ※ on documents.
 */
public enum TaxRate {

	STANDARD(10),
	REDUCED(8);

	private final int percent;

	TaxRate(int percent) {
		this.percent = percent;
	}

	public int percent() {
		return percent;
	}

	public boolean isReduced() {
		return this == REDUCED;
	}

	/**
	 * The tax contained in a tax-inclusive {@code total}: total × rate / (100 + rate), rounded
	 * once by the shop's rule.
	 */
	public long taxIncludedIn(long total, Rounding rounding) {
		return rounding.divide(total * percent, 100L + percent);
	}

}
