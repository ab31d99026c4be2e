package org.misemori.system.logging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SensitiveTextUnitTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			card, plain                    | charge 4111111111111111 ok               | charge ************1111 ok
			card, spaced                   | card 4111 1111 1111 1111.                | card ************1111.
			card, hyphenated               | 5555-5555-5555-4444 declined             | ************4444 declined
			card, 15-digit Amex            | amex 378282246310005                     | amex ***********0005
			card, 19 digits                | 6011000990139424009 x                    | ***************4009 x
			not a card: 20 digits          | 60110009901394240091 x                   | 60110009901394240091 x
			not a card: fails Luhn         | order 4111111111111112                   | order 4111111111111112
			not a card: 12 digits          | id 411111111111                          | id 411111111111
			password in a query            | GET /login?user=a&password=hunter2&x=1   | GET /login?user=a&password=[REDACTED]&x=1
			password in JSON               | {"newPassword":"s3cr:et, yes","a":1}     | {"newPassword":[REDACTED],"a":1}
			token in a form                | token=abcDEF_123-xyz                     | token=[REDACTED]
			CSRF field                     | _csrf=Zm9vYmFy&email=x                   | _csrf=Zm9vYmFy&email=x
			security code                  | security_code=123                        | security_code=[REDACTED]
			cvv                            | cvv: 123                                 | cvv: [REDACTED]
			Japanese field name            | パスワード=ひみつのことば                 | パスワード=[REDACTED]
			authorization header           | authorization=Bearer eyJhbGciOi.abc.def  | authorization=[REDACTED]
			header as Spring traces it     | Authorization:[Bearer tok_9fQ2xLwV8mZp]  | Authorization:[REDACTED]]
			bearer alone                   | sent Bearer eyJhbGciOiJIUzI1NiJ9.e30.x   | sent Bearer [REDACTED]
			api key                        | X-Api-Key: k-123456                      | X-Api-Key: [REDACTED]
			session cookie header          | cookie=MISEMORI_SESSION=abc              | cookie=[REDACTED]
			email                          | mail to taro.yamada+shop@example.co.jp   | mail to ***@example.co.jp
			Japanese email domain          | 山田@例え.jp                              | ***@例え.jp
			mobile phone                   | tel 090-1234-5678                        | tel ***-****-5678
			landline                       | 03-1234-5678 まで                         | ***-****-5678 まで
			phone without hyphens          | 09012345678                              | ***-****-5678
			international phone            | +81 90-1234-5678                         | ***-****-5678
			not a phone: a date            | 2026-11-22 10:00                         | 2026-11-22 10:00
			not a phone: a version         | v1.0.12345678                            | v1.0.12345678
			not a phone: a port            | localhost:54321                          | localhost:54321
			""")
	void redacts(String name, String text, String expected) {
		assertThat(SensitiveText.redact(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "4111111111111111, true", "4111111111111112, false", "79927398713, true", "0, true" })
	void luhn(String digits, boolean valid) {
		assertThat(SensitiveText.luhnValid(digits)).isEqualTo(valid);
	}

}
