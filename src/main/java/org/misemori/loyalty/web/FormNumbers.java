package org.misemori.loyalty.web;

import java.text.Normalizer;

import org.misemori.loyalty.LoyaltyException;

/**
 * Whole numbers as staff type them: full-width digits (NFKC), thousands separators and
 * surrounding spaces accepted. Anything longer than a long could hold is refused before parsing.
 */
final class FormNumbers {

	private static final int MAX_INPUT = 20;

	private FormNumbers() {
	}

	static long parse(String typed) {
		if (typed == null || typed.isBlank() || typed.length() > MAX_INPUT) {
			throw new LoyaltyException("loyalty.form.notANumber");
		}
		String digits = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().replace(",", "");
		if (!digits.matches("[0-9]{1,15}")) {
			throw new LoyaltyException("loyalty.form.notANumber");
		}
		return Long.parseLong(digits);
	}

	/** The number, or null for an empty field ("unlimited"). */
	static Integer optionalInt(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		long value = parse(typed);
		return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
	}

	/** Clamped into an int so the range checks, not an overflow, report a huge number. */
	static int parseInt(String typed) {
		long value = parse(typed);
		return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
	}

	/** What the person typed, capped so a huge submission is not echoed back. */
	static String echo(String typed) {
		return typed == null ? "" : typed.length() > 40 ? typed.substring(0, 40) : typed;
	}

}
