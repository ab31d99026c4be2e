package org.misemori.identity.notices;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.misemori.notify.Mails;

import static org.awaitility.Awaitility.await;

/** The mails one address received with a subject, waited for, and checked to stay at one. */
final class ChangeMails {

	private ChangeMails() {
	}

	/** Waits for the mail, then a moment more: a second copy would arrive in that time. */
	static List<MimeMessage> settled(GreenMail server, String recipient, String subject) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !matching(server, recipient, subject).isEmpty());
		try {
			Thread.sleep(1500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return matching(server, recipient, subject);
	}

	static List<MimeMessage> matching(GreenMail server, String recipient, String subject) {
		return Mails.receivedBy(server, recipient).stream().filter(m -> subjectOf(m).contains(subject)).toList();
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			return "";
		}
	}

}
