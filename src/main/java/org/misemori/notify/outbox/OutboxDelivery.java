package org.misemori.notify.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Claims due mails, sends them and records the outcome, all in one transaction on the
 * cross-shop role (the only role that may read a mail's content; each batch is audited). A
 * mail sent or given up is forgotten in the same statement that records it (V29): recipient,
 * subject, body and seal are emptied, the dedupe key stays.
 * <p>
 * Rows are claimed {@code FOR UPDATE SKIP LOCKED} and stay locked until the batch commits, so
 * any number of application nodes can run this at once and never send the same row together.
 * <p>
 * Delivery is at least once. The one gap is a crash (or lost database connection) after the
 * mail server accepted a mail and before the SENT mark committed: the row is then still
 * PENDING and is sent again. The stable Message-ID lets receivers drop the repeat, and the
 * dedupe key keeps callers from adding a second row; batches are small to keep the window
 * small. Closing it entirely would need the mail server to take part in our transaction.
 */
@Component
class OutboxDelivery {

	private static final Log log = LogFactory.getLog(OutboxDelivery.class);

	private static final int MAX_ERROR_LENGTH = 1000;

	private static final Pattern MAIL_ADDRESS = Pattern.compile("[^\\s<>()\\[\\]\"',;:]+@[^\\s<>()\\[\\]\"',;:]+");

	private final CrossShopAccess crossShop;

	private final ObjectProvider<JavaMailSender> senders;

	private final MailSeal seal;

	private final MailProperties properties;

	private final MessageComposer composer;

	private final OutboxMetrics metrics;

	private final MailContent content;

	OutboxDelivery(CrossShopAccess crossShop, ObjectProvider<JavaMailSender> senders, MailSeal seal,
			MailProperties properties, OutboxMetrics metrics, MailContent content) {
		this.content = content;
		this.crossShop = crossShop;
		this.senders = senders;
		this.seal = seal;
		this.properties = properties;
		this.composer = new MessageComposer(properties);
		this.metrics = metrics;
	}

	/** Whether a mail server is configured at all; without one, mail waits in the outbox. */
	boolean canSend() {
		return senders.getIfAvailable() != null;
	}

	/**
	 * Delivers one batch of due mails.
	 * @return how many mails were handled (sent, retried later or given up): fewer than the
	 * batch size when nothing more is due, or when a send failed and the batch stopped
	 */
	int deliverDue() {
		JavaMailSender sender = senders.getObject();
		return crossShop.call(CrossShopPurpose.MAIL_DELIVERY, "deliver due mail", jdbc -> {
			List<QueuedMail> due = jdbc.sql("""
					SELECT id, dedupe_key, shop_id, content, recipient, subject, body, seal, attempts
					FROM notify.outbox_mail
					WHERE status = 'PENDING' AND next_attempt_at <= clock_timestamp()
					ORDER BY next_attempt_at, id
					LIMIT :batch
					FOR UPDATE SKIP LOCKED""")
				.param("batch", properties.batchSize())
				.query((row, n) -> queued(row))
				.list();
			int handled = 0;
			for (QueuedMail mail : due) {
				handled++;
				if (!deliver(jdbc, sender, mail)) {
					// While the mail server is away, the rest of the batch waits for the next look
					// rather than each waiting out the same connection timeout, holding its lock.
					break;
				}
			}
			return handled;
		});
	}

	/**
	 * The row with its content opened. Rows queued before V37 carry it in plain columns until they
	 * are sent; content that does not open (planted, altered, moved) leaves the fields empty and
	 * the seal check refuses the row.
	 */
	private QueuedMail queued(ResultSet row) throws SQLException {
		byte[] dedupeKey = row.getBytes("dedupe_key");
		byte[] sealed = row.getBytes("content");
		MailContent.Opened opened = sealed == null
				? new MailContent.Opened(row.getString("recipient"), row.getString("subject"), row.getString("body"))
				: content.open(dedupeKey, sealed).orElse(new MailContent.Opened("", "", ""));
		return new QueuedMail(row.getLong("id"), dedupeKey, row.getObject("shop_id", Long.class), opened.recipient(),
				opened.subject(), opened.body(), row.getBytes("seal"), row.getInt("attempts"));
	}

	/** Returns whether the mail server took the mail (or was not needed): false after a send failed. */
	private boolean deliver(JdbcClient jdbc, JavaMailSender sender, QueuedMail mail) {
		if (!seal.verifies(mail)) {
			log.warn("Outbox row " + mail.id() + " refused: its seal does not verify, so Misemori did not queue it");
			giveUp(jdbc, mail, "seal does not verify: not queued by Misemori");
			metrics.forged();
			return true;
		}
		try {
			sender.send(composer.compose(sender, mail));
		}
		catch (MailException | MessagingException ex) {
			failed(jdbc, mail, ex);
			return false;
		}
		// Sent is done: the mail is in the recipient's box, so the outbox forgets whom it was to and what it said.
		jdbc.sql("""
				UPDATE notify.outbox_mail
				SET status = 'SENT', sent_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL,
				    content = NULL, recipient = NULL, subject = NULL, body = NULL, seal = NULL
				WHERE id = :id""").param("id", mail.id()).update();
		metrics.sent();
		return true;
	}

	private void failed(JdbcClient jdbc, QueuedMail mail, Exception ex) {
		int attempts = mail.attempts() + 1;
		String error = describe(ex);
		if (attempts >= properties.maxAttempts()) {
			// The recipient is not logged: logs stay free of personal data. The row has it.
			log.error("Mail " + mail.id() + " given up after " + attempts + " attempts: " + ex.getClass().getName());
			giveUp(jdbc, mail, error);
			metrics.failed(true);
			return;
		}
		Duration wait = properties.backoffAfter(attempts);
		log.warn("Mail " + mail.id() + " not sent (attempt " + attempts + " of " + properties.maxAttempts()
				+ ", next in " + wait.toMillis() / 1000.0 + " s): " + ex.getClass().getName());
		jdbc.sql("""
				UPDATE notify.outbox_mail
				SET attempts = attempts + 1, last_error = :error,
				    next_attempt_at = clock_timestamp() + make_interval(secs => :waitSeconds)
				WHERE id = :id""")
			.param("error", error)
			.param("waitSeconds", wait.toMillis() / 1000.0)
			.param("id", mail.id())
			.update();
		metrics.failed(false);
	}

	/** Given up is done too: the content is forgotten, the error (addresses masked) stays for the operator. */
	private static void giveUp(JdbcClient jdbc, QueuedMail mail, String error) {
		jdbc.sql("""
				UPDATE notify.outbox_mail
				SET status = 'FAILED', attempts = attempts + 1, last_error = :error,
				    content = NULL, recipient = NULL, subject = NULL, body = NULL, seal = NULL
				WHERE id = :id""").param("error", error).param("id", mail.id()).update();
	}

	private static String describe(Exception ex) {
		StringBuilder text = new StringBuilder(ex.toString());
		Throwable cause = ex.getCause();
		for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
			text.append(" / caused by ").append(cause);
		}
		// A mail server's refusal often quotes the recipient ("550 <hanako@example.jp> unknown"): the
		// error outlives the forgotten address, so it must not carry it.
		String masked = MAIL_ADDRESS.matcher(text).replaceAll("(address)");
		return (masked.length() > MAX_ERROR_LENGTH) ? masked.substring(0, MAX_ERROR_LENGTH) : masked;
	}

}
