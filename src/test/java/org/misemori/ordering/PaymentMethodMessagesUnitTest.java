package org.misemori.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.support.ResourceBundleMessageSource;

/** Every payment method speaks both languages wherever it is named: the form, the pages, the mail. */
class PaymentMethodMessagesUnitTest {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	PaymentMethodMessagesUnitTest() {
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	@ParameterizedTest
	@EnumSource(PaymentMethod.class)
	void isNamedAndExplainedInJapaneseAndEnglish(PaymentMethod method) {
		for (Locale locale : new Locale[] { Locale.JAPANESE, Locale.ENGLISH }) {
			for (String key : new String[] { method.messageKey(), method.messageKey() + ".note",
					"ordering.mail.payment." + method.name() + ".note" }) {
				assertThat(messages.getMessage(key, null, null, locale)).as(key + " in " + locale).isNotBlank();
			}
		}
		assertThat(messages.getMessage(method.messageKey(), null, Locale.JAPANESE))
			.isNotEqualTo(messages.getMessage(method.messageKey(), null, Locale.ENGLISH));
	}

}
