package org.misemori.tax;

import java.text.Normalizer;

/**
 * A 適格請求書発行事業者 registration number: "T" and 13 digits. For a company the digits are its
 * 法人番号; sole proprietors get 13 digits from the same numbering, never their My Number
 * (国税庁, 登録番号とは). The first of the 13 digits is the check digit of the other twelve
 * (財務省令第七十号 第二条, read with the parentheses the 政令 intends):
 * {@code 9 − (Σ Pn × Qn mod 9)}, Pn the n-th digit counted from the lowest of the twelve, Qn 1 for
 * odd n and 2 for even n. One mistyped digit is caught (except 0 for 9 and back).
 */
public record InvoiceRegistrationNumber(String value) {

	/** Longer input is refused before it is normalised. */
	private static final int MAX_INPUT = 40;

	public InvoiceRegistrationNumber {
		if (value == null || !value.matches("T[0-9]{13}")) {
			throw new TaxInputException("tax.registration.format");
		}
		if (value.charAt(1) - '0' != checkDigitOf(value.substring(2))) {
			throw new TaxInputException("tax.registration.checkDigit");
		}
	}

	/**
	 * Reads what a person typed: full-width letters and digits (Ｔ１２３…) folded by NFKC, a
	 * lower-case t accepted, spaces and hyphens between groups ignored.
	 */
	public static InvoiceRegistrationNumber parse(String typed) {
		if (typed == null || typed.isBlank()) {
			throw new TaxInputException("tax.registration.format");
		}
		if (typed.length() > MAX_INPUT) {
			throw new TaxInputException("tax.registration.tooLong");
		}
		String folded = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().replaceAll("[\\s\\-‐−ー]", "");
		if (folded.startsWith("t")) {
			folded = "T" + folded.substring(1);
		}
		if (folded.matches("[0-9]{13}")) {
			throw new TaxInputException("tax.registration.missingT");
		}
		return new InvoiceRegistrationNumber(folded);
	}

	/** The check digit (1–9) for a 12-digit base number. */
	static int checkDigitOf(String twelveDigits) {
		int sum = 0;
		for (int n = 1; n <= 12; n++) {
			int digit = twelveDigits.charAt(12 - n) - '0';
			sum += digit * (n % 2 == 1 ? 1 : 2);
		}
		return 9 - sum % 9;
	}

	@Override
	public String toString() {
		return value;
	}

}
