package org.misemori.tax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registration numbers: T + 13 digits whose first digit is 9 − (Σ Pn × Qn mod 9) over the other
 * twelve, Pn counted from the lowest digit, Qn = 1 for odd n and 2 for even n. Each valid number
 * below has its check digit worked by hand.
 */
class InvoiceRegistrationNumberUnitTest {

	/**
	 * 7000012050002 (published as 国税庁's own 法人番号), base 000012050002 from the lowest digit:
	 * 2,0,0,0,5,0,2,1,0,0,0,0 → odd n: 2+0+5+2+0+0 = 9; even n: (0+0+0+1+0+0) × 2 = 2; 11 mod 9 = 2 → 9 − 2 = 7.
	 * 7010705000725 (日本税理士会連合会), base 010705000725: 5,2,7,0,0,0,5,0,7,0,1,0 → odd 5+7+0+5+7+1 = 25,
	 * even (2+0+0+0+0+0) × 2 = 4; 29 mod 9 = 2 → 7.
	 * 4011001098993, base 011001098993: 3,9,9,8,9,0,1,0,0,1,1,0 → odd 3+9+9+1+0+1 = 23, even (9+8+0+0+1+0) × 2 = 36;
	 * 59 mod 9 = 5 → 4.
	 * 7123456789012 (the worked example of the formula): 2,1,0,9,8,7,6,5,4,3,2,1 → odd 2+0+8+6+4+2 = 22,
	 * even (1+9+7+5+3+1) × 2 = 52; 74 mod 9 = 2 → 7.
	 * 5700150005005, base 700150005005: 5,0,0,5,0,0,0,5,1,0,0,7 → odd 5+0+0+0+1+0 = 6, even (0+5+0+5+0+7) × 2 = 34;
	 * 40 mod 9 = 4 → 5.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "T7000012050002", "T7010705000725", "T4011001098993", "T7123456789012", "T5700150005005" })
	void acceptsNumbersWhoseCheckDigitIsRight(String number) {
		assertThat(InvoiceRegistrationNumber.parse(number).value()).isEqualTo(number);
	}

	@Test
	void theCheckDigitIsTheFormulasForEachBase() {
		assertThat(InvoiceRegistrationNumber.checkDigitOf("000012050002")).isEqualTo(7);
		assertThat(InvoiceRegistrationNumber.checkDigitOf("700150005005")).isEqualTo(5);
		// Σ = 0 → 9 − 0 = 9: the digit is never 0.
		assertThat(InvoiceRegistrationNumber.checkDigitOf("000000000000")).isEqualTo(9);
	}

	@Test
	void readsWhatPeopleTypeFullWidthLowerCaseAndGrouped() {
		assertThat(InvoiceRegistrationNumber.parse("Ｔ７００００１２０５０００２").value()).isEqualTo("T7000012050002");
		assertThat(InvoiceRegistrationNumber.parse("t7000012050002").value()).isEqualTo("T7000012050002");
		assertThat(InvoiceRegistrationNumber.parse(" T7-0000-1205-0002 ").value()).isEqualTo("T7000012050002");
		assertThat(InvoiceRegistrationNumber.parse("Ｔ７０００　０１２０　５０００２").value()).isEqualTo("T7000012050002");
	}

	@Test
	void aWrongCheckDigitIsRefused() {
		// The brief's candidate 1700150005005: its base gives 5 (above), not 1.
		assertRefused("T1700150005005", "tax.registration.checkDigit");
		// One digit mistyped in 7000012050002 (last 2 → 3): Σ = 12, 12 mod 9 = 3 → 6, not 7.
		assertRefused("T7000012050003", "tax.registration.checkDigit");
		// Two neighbours swapped (…050002 → …500002 at n = 5, 4): odd +0−5, even (+5−0) × 2 → Σ = 16 → 9 − 7 = 2.
		assertRefused("T7000012500002", "tax.registration.checkDigit");
		// The check digit 0 can never be right.
		assertRefused("T0000012050002", "tax.registration.checkDigit");
	}

	@Test
	void theFormulaCannotTellZeroFromNine() {
		// A known limit of the official formula: 0 ↔ 9 at any position changes Σ by 9 or 18.
		assertThat(InvoiceRegistrationNumber.parse("T7000012050902").value()).isEqualTo("T7000012050902");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "T700001205000", "T70000120500021", "X7000012050002", "T70000120500O2",
			"TT7000012050002", "T７０００－０１２０－５０００２x" })
	void aMalformedNumberIsRefused(String typed) {
		assertRefused(typed, "tax.registration.format");
	}

	@Test
	void digitsWithoutTheTAreToldToAddIt() {
		assertRefused("7000012050002", "tax.registration.missingT");
		assertRefused("７００００１２０５０００２", "tax.registration.missingT");
	}

	@Test
	void oversizeInputIsRefusedBeforeItIsNormalised() {
		assertRefused("T" + "1".repeat(40), "tax.registration.tooLong");
		assertThatThrownBy(() -> InvoiceRegistrationNumber.parse(null)).isInstanceOf(TaxInputException.class);
	}

	private static void assertRefused(String typed, String key) {
		assertThatThrownBy(() -> InvoiceRegistrationNumber.parse(typed)).isInstanceOfSatisfying(TaxInputException.class,
				refused -> assertThat(refused.messageKey()).isEqualTo(key));
	}

}
