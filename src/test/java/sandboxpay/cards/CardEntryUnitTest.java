package sandboxpay.cards;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardEntryUnitTest {

	private static final YearMonth NOW = YearMonth.of(2026, 11);

	@Test
	void acceptsTheTestCardsAsPeopleTypeThem() {
		CardEntry visa = CardEntry.check("4242 4242 4242 4242", "12/30", "123", "HANAKO YAMADA", NOW);
		assertThat(visa.brand()).isEqualTo("VISA");
		assertThat(visa.last4()).isEqualTo("4242");
		assertThat(visa.expiry).isEqualTo(YearMonth.of(2030, 12));
		assertThat(CardEntry.check("3530-1113-3330-0000", "11/2026", "1234", "A", NOW).brand()).isEqualTo("JCB");
		assertThat(CardEntry.check("5555555555554444", "1/27", "123", "A", NOW).brand()).isEqualTo("MASTERCARD");
	}

	@Test
	void refusesEachMistakeWithItsOwnMessage() {
		assertProblem("4242424242424241", "12/30", "123", "number", "card.number.luhn");
		assertProblem("4242", "12/30", "123", "number", "card.number.format");
		assertProblem("4242x4242x4242x4242", "12/30", "123", "number", "card.number.format");
		assertProblem("4242424242424242", "13/30", "123", "expiry", "card.expiry.format");
		assertProblem("4242424242424242", "1230", "123", "expiry", "card.expiry.format");
		assertProblem("4242424242424242", "10/26", "123", "expiry", "card.expiry.past");
		assertProblem("4242424242424242", "12/30", "12", "code", "card.code.format");
		assertProblem("4242424242424242", "12/30", "12345", "code", "card.code.format");
		assertProblem("4242424242424242", "12/30", "12a", "code", "card.code.format");
	}

	@Test
	void neverPrintsTheNumber() {
		CardEntry entry = CardEntry.check("4242424242424242", "12/30", "123", "A", NOW);
		assertThat(entry.toString()).doesNotContain("4242424242424242").doesNotContain("123");
	}

	@Test
	void luhnCatchesASingleWrongDigitAndASwap() {
		assertThat(Luhn.valid("4000000000003220")).isTrue();
		assertThat(Luhn.valid("4000000000003221")).isFalse();
		assertThat(Luhn.valid("4000000000002320")).isFalse();
	}

	private static void assertProblem(String number, String expiry, String code, String field, String key) {
		assertThatThrownBy(() -> CardEntry.check(number, expiry, code, "A", NOW)).isInstanceOfSatisfying(
				CardProblem.class, problem -> {
					assertThat(problem.field()).isEqualTo(field);
					assertThat(problem.messageKey()).isEqualTo(key);
				});
	}

}
