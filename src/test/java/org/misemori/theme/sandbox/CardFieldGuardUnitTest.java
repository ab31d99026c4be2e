package org.misemori.theme.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.misemori.theme.ThemeRenderProblem;

/** A themed page that asks for a card is not shown, however the field is dressed up. */
class CardFieldGuardUnitTest {

	@ParameterizedTest
	@ValueSource(strings = { "<input name=\"card_number\">", "<INPUT type=text NAME=cardNumber>",
			"<input autocomplete=\"cc-number\" name=\"x\">", "<input name=\"cvc\" maxlength=4>",
			"<input id=\"security-code\">", "<input placeholder=\"カード番号\">", "<input name=\"c\" title=\"セキュリティコード\">",
			"<select name=\"cc-exp-month\"></select>", "<textarea name=\"pan\"></textarea>", "<input name=\"cvv2\">" })
	void aFieldAskingForACardStopsThePage(String field) {
		String page = "<html><body><form method=post action=/x>" + field + "</form></body></html>";
		assertThatThrownBy(() -> CardFieldGuard.check(page)).isInstanceOf(ThemeRenderProblem.class)
			.extracting(problem -> ((ThemeRenderProblem) problem).kind())
			.isEqualTo(ThemeRenderProblem.Kind.CARD_FIELD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "<input name=\"name\" autocomplete=\"name\">", "<input name=\"postalCode\">",
			"<input name=\"couponCode\">", "<select name=\"deliverySlot\"></select>", "<input name=\"quantity\">",
			"<p>カード番号はこのページでは入力しません</p><input name=\"email\">",
			"<input type=\"hidden\" name=\"_csrf\" value=\"xCvv9PanCsc-security_code\">" })
	void checkoutFieldsPass(String field) {
		String page = "<form>" + field + "</form>";
		assertThat(CardFieldGuard.check(page)).isEqualTo(page);
	}

}
