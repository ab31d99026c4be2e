package org.misemori.notify;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Test mails with Japanese text that must survive, and what a test mail server received. */
public final class Mails {

	public static final String SUBJECT = "【喫茶こもれび】パスワード再設定のご案内 〜髙橋様〜 🍵";

	public static final String BODY = """
			髙橋 花子 様

			パスワードを再設定するには、24 時間以内に次のリンクを開いてください。
			https://kissa.example.jp/reset?token=①②③

			※このメールに心当たりがない場合は、破棄してください。
			""";

	private Mails() {
	}

	/** A recipient no other test uses, so tests sharing a database and a server stay apart. */
	public static String uniqueRecipient(String domain) {
		return "u-" + UUID.randomUUID() + "@" + domain;
	}

	public static OutboundMail japanese(String to) {
		return new OutboundMail(to, SUBJECT, BODY, "test:" + UUID.randomUUID(), null);
	}

	public static List<MimeMessage> receivedBy(GreenMailOperations server, String recipient) {
		return Arrays.stream(server.getReceivedMessages()).filter(message -> recipient.equals(recipientOf(message))).toList();
	}

	public static String recipientOf(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The decoded text; transfer encoding makes line ends CRLF, as RFC 5322 wants them. */
	public static String textOf(MimeMessage message) {
		try {
			return ((String) message.getContent()).replace("\r\n", "\n");
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
