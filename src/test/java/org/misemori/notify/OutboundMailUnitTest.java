package org.misemori.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutboundMailUnitTest {

	@Test
	void aMailNeedsARecipientSubjectBodyAndDedupeKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OutboundMail(" ", "件名", "本文", "k", null));
		assertThatIllegalArgumentException().isThrownBy(() -> new OutboundMail("a@example.jp", "", "本文", "k", null));
		assertThatIllegalArgumentException().isThrownBy(() -> new OutboundMail("a@example.jp", "件名", null, "k", null));
		assertThatIllegalArgumentException().isThrownBy(() -> new OutboundMail("a@example.jp", "件名", "本文", "", null));
	}

	@Test
	void lineBreaksInHeaderFieldsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutboundMail("a@example.jp", "件名\r\nBcc: victim@example.jp", "本文", "k", null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutboundMail("a@example.jp\nBcc: victim@example.jp", "件名", "本文", "k", null));
	}

	@Test
	void theBodyMayHaveLinesAndJapaneseText() {
		OutboundMail mail = new OutboundMail("a@example.jp", "件名", Mails.BODY, "k", 7L);
		assertThat(mail.body()).contains("髙橋").contains("\n");
		assertThat(mail.shopId()).isEqualTo(7L);
	}

	@Test
	void oversizedFieldsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutboundMail("a@example.jp", "件".repeat(501), "本文", "k", null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutboundMail("a@example.jp", "件名", "本".repeat(100_001), "k", null));
	}

}
