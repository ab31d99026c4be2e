package org.misemori.notify.outbox;

import java.util.Date;
import java.util.HexFormat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Turns an outbox row into a UTF-8 plain-text MIME message. */
final class MessageComposer {

	private final InternetAddress from;

	private final String domain;

	MessageComposer(MailProperties properties) {
		try {
			this.from = new InternetAddress(properties.from(), true);
		}
		catch (MessagingException ex) {
			throw new IllegalArgumentException("misemori.mail.from is not a mail address: " + properties.from(), ex);
		}
		this.domain = properties.fromDomain();
	}

	MimeMessage compose(JavaMailSender sender, QueuedMail mail) throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		// UTF-8 throughout: subject as an RFC 2047 encoded word, body base64 or quoted-printable.
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(from);
		helper.setTo(new InternetAddress(mail.recipient(), true));
		helper.setSubject(mail.subject());
		helper.setText(mail.body(), false);
		helper.setSentDate(new Date());
		// Stable across attempts, so a receiver (or a person) can tell a repeat from a new mail;
		// JavaMailSenderImpl keeps an explicitly set Message-ID instead of generating one.
		message.setHeader("Message-ID", messageId(mail));
		return message;
	}

	/** The row id names the mail here; a slice of its keyed dedupe key keeps ids unique across installations. */
	String messageId(QueuedMail mail) {
		String installation = HexFormat.of().formatHex(mail.dedupeKey(), 0, 6);
		return "<mail-" + mail.id() + "." + installation + "@" + domain + ">";
	}

}
