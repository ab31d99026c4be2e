package org.misemori.notify.outbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.misemori.notify.Mails;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class MessageComposerUnitTest {

	private final MailProperties properties = new MailProperties("shop@kissa.example.jp", null, null, null, null, null);

	private final QueuedMail mail = new QueuedMail(42, new byte[32], null, "hanako@example.jp", Mails.SUBJECT, Mails.BODY,
			new byte[32], 0);

	@Test
	void aJapaneseMailIsUtf8PlainTextWithAStableMessageId() throws Exception {
		MimeMessage message = new MessageComposer(properties).compose(new JavaMailSenderImpl(), mail);

		assertThat(message.getSubject()).isEqualTo(Mails.SUBJECT);
		assertThat(Mails.textOf(message)).isEqualTo(Mails.BODY);
		// As set; JavaMailSenderImpl keeps it through saveChanges() (the integration tests see it arrive).
		assertThat(message.getMessageID()).isEqualTo("<mail-42.000000000000@kissa.example.jp>");
		ByteArrayOutputStream wire = new ByteArrayOutputStream();
		message.writeTo(wire);
		String raw = wire.toString(StandardCharsets.US_ASCII);
		assertThat(raw).as("only ASCII on the wire: headers encoded, body transfer-encoded")
			.isEqualTo(wire.toString(StandardCharsets.UTF_8));
		assertThat(raw).contains("Subject: =?UTF-8?");
		assertThat(message.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
	}

}
