package org.misemori.loyalty;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A coupon code as stored and compared: NFKC (full-width ＷＥＬＣＯＭＥ１０ as typed on a Japanese
 * keyboard becomes WELCOME10) and upper case, so codes are case-insensitive. 3–32 of A–Z, 0–9,
 * hyphen and underscore.
 */
public final class CouponCode {

	/** Longer input is refused before it is normalised. */
	private static final int MAX_INPUT = 64;

	private CouponCode() {
	}

	public static String normalise(String typed) {
		if (typed == null || typed.isBlank()) {
			throw new LoyaltyException("loyalty.coupon.code.missing");
		}
		if (typed.length() > MAX_INPUT) {
			throw new LoyaltyException("loyalty.coupon.code.format");
		}
		String code = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
		if (!code.matches("[A-Z0-9_-]{3,32}")) {
			throw new LoyaltyException("loyalty.coupon.code.format");
		}
		return code;
	}

}
