package org.misemori.tax;

/**
 * How a shop rounds the yen fraction of tax. The law leaves the choice to the business; it must
 * be applied once per rate per invoice. Most shops truncate, which is the default.
 */
public enum Rounding {

	/** 切り捨て. */
	FLOOR,
	/** 四捨五入. */
	HALF_UP,
	/** 切り上げ. */
	CEILING;

	/** {@code numerator / denominator} rounded by this rule; both are non-negative. */
	long divide(long numerator, long denominator) {
		if (numerator < 0 || denominator <= 0) {
			throw new IllegalArgumentException("Tax is computed on non-negative totals only");
		}
		return switch (this) {
			case FLOOR -> numerator / denominator;
			case HALF_UP -> (2 * numerator + denominator) / (2 * denominator);
			case CEILING -> (numerator + denominator - 1) / denominator;
		};
	}

}
