package org.misemori.notify.outbox;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.misemori.notify.MailOutbox;
import org.misemori.notify.Mails;
import org.misemori.notify.NotifyIntegrationTest;
import org.misemori.notify.OutboundMail;
import org.misemori.notify.OutboxRows;
import org.misemori.vault.SecretBox;
import org.misemori.notify.TestMailServer;
import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A mail is queued if and only if its transaction commits, and is then delivered once. */
@NotifyIntegrationTest
class MailOutboxIntegrationTest {

	@RegisterExtension
	static GreenMailExtension smtp = TestMailServer.extension();

	@Autowired
	MailOutbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	CrossShopAccess crossShop;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Environment environment;

	@Autowired
	MailSeal seal;

	@Autowired
	SecretBox box;

	OutboxRows rows;

	@BeforeEach
	void rows() {
		rows = new OutboxRows(environment, box);
	}

	@Test
	void mailQueuedInACommittedTransactionIsDeliveredOnceWithItsJapaneseIntact() throws Exception {
		String to = Mails.uniqueRecipient("kissa.example.jp");
		OutboundMail mail = Mails.japanese(to);
		transactions.executeWithoutResult(status -> outbox.enqueue(mail));

		MimeMessage received = awaitOneMailTo(to);
		assertThat(received.getSubject()).isEqualTo(Mails.SUBJECT);
		assertThat(Mails.textOf(received)).isEqualTo(Mails.BODY);
		assertThat(received.getContentType()).containsIgnoringCase("charset=UTF-8");
		assertThat(received.getFrom()[0].toString()).isEqualTo("no-reply@misemori.localhost");
		assertThat(received.getMessageID()).matches("<mail-\\d+\\.[0-9a-f]{12}@misemori\\.localhost>");
		assertStillExactlyOneSentMail(mail);
	}

	@Test
	void mailQueuedInARolledBackTransactionIsNeverSent() {
		String to = Mails.uniqueRecipient("kissa.example.jp");
		transactions.executeWithoutResult(status -> {
			outbox.enqueue(Mails.japanese(to));
			status.setRollbackOnly();
		});
		assertThat(rows.to(to)).isEmpty();
		// A mail queued after it is delivered; by then the rolled-back one would have been too.
		String later = Mails.uniqueRecipient("kissa.example.jp");
		outbox.enqueue(Mails.japanese(later));
		awaitOneMailTo(later);
		assertThat(Mails.receivedBy(smtp, to)).isEmpty();
	}

	@Test
	void theSameDedupeKeyQueuesOneMail() {
		String to = Mails.uniqueRecipient("kissa.example.jp");
		OutboundMail mail = Mails.japanese(to);
		transactions.executeWithoutResult(status -> outbox.enqueue(mail));
		transactions.executeWithoutResult(status -> outbox.enqueue(mail));
		// Even with a different text: the key names the reason for the mail, not its wording.
		outbox.enqueue(new OutboundMail(to, "再送", "本文", mail.dedupeKey(), null));

		awaitOneMailTo(to);
		assertStillExactlyOneSentMail(mail);
	}

	@Test
	void aDeliveredMailIsForgottenAndItsKeyStillRefusesASecondOne() {
		String to = Mails.uniqueRecipient("kissa.example.jp");
		OutboundMail mail = Mails.japanese(to);
		outbox.enqueue(mail);
		awaitOneMailTo(to);
		byte[] key = seal.dedupeKey(mail.dedupeKey());
		await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(rows.withDedupeKey(key).get(0).status()));

		assertThat(rows.withDedupeKey(key)).singleElement().satisfies(row -> {
			assertThat(row.forgotten()).as("recipient, subject, body and seal emptied: %s", row).isTrue();
			assertThat(row.sentAt()).isNotNull();
		});
		assertThat(rows.to(to)).as("no row holds the address any more").isEmpty();
		assertThat(rows.count("SELECT count(*) FROM notify.outbox_mail WHERE status <> 'PENDING' AND "
				+ "(content IS NOT NULL OR recipient IS NOT NULL OR subject IS NOT NULL OR body IS NOT NULL OR seal IS NOT NULL)"))
			.as("no sent or failed mail anywhere keeps its content").isZero();

		// The same reason again, after the content is gone: still one row, still one mail.
		outbox.enqueue(mail);
		outbox.enqueue(new OutboundMail(to, "再送", "本文", mail.dedupeKey(), null));
		await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
		assertThat(rows.withDedupeKey(key)).singleElement().satisfies(row -> assertThat(row.forgotten()).isTrue());
		assertThat(Mails.receivedBy(smtp, to)).hasSize(1);
	}

	@Test
	void mailQueuedInCrossShopWorkCommitsAndRollsBackWithThatWork() {
		String committed = Mails.uniqueRecipient("ops.example.jp");
		String rolledBack = Mails.uniqueRecipient("ops.example.jp");
		crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS, "test: operator mail", jdbc -> {
			outbox.enqueue(Mails.japanese(committed), jdbc);
			return null;
		});
		assertThatThrownBy(() -> crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS, "test: failing operator work", jdbc -> {
			outbox.enqueue(Mails.japanese(rolledBack), jdbc);
			throw new IllegalStateException("the operator work fails after queuing its mail");
		})).hasMessageContaining("fails after");

		awaitOneMailTo(committed);
		assertThat(rows.to(rolledBack)).isEmpty();
	}

	@Test
	void anUnsendableAddressIsRefusedToTheCallerNotQueued() {
		for (String to : List.of("not an address", "山田 <yamada@example.jp>", "a@example.jp, b@example.jp", "nobody")) {
			assertThatThrownBy(() -> outbox.enqueue(new OutboundMail(to, "件名", "本文", "test:bad:" + to, null)))
				.as(to)
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void deliveriesAreCounted() {
		double before = meters.get("misemori.mail.sent").counter().count();
		String to = Mails.uniqueRecipient("kissa.example.jp");
		outbox.enqueue(Mails.japanese(to));
		awaitOneMailTo(to);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(meters.get("misemori.mail.sent").counter().count()).isGreaterThan(before));
		assertThat(meters.get("misemori.mail.pending").gauge()).isNotNull();
		assertThat(meters.get("misemori.mail.failed").tag("reason", "gave-up").counter()).isNotNull();
	}

	private MimeMessage awaitOneMailTo(String to) {
		await().atMost(Duration.ofSeconds(15)).until(() -> !Mails.receivedBy(smtp, to).isEmpty());
		List<MimeMessage> received = Mails.receivedBy(smtp, to);
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	private void assertStillExactlyOneSentMail(OutboundMail mail) {
		byte[] key = seal.dedupeKey(mail.dedupeKey());
		await().atMost(Duration.ofSeconds(5))
			.until(() -> rows.withDedupeKey(key).stream().allMatch(row -> row.sentAt() != null));
		// Several more polls pass: none of them sends it again.
		await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
		assertThat(Mails.receivedBy(smtp, mail.to())).hasSize(1);
		assertThat(rows.withDedupeKey(key)).singleElement().satisfies(row -> {
			assertThat(row.status()).isEqualTo("SENT");
			assertThat(row.attempts()).isEqualTo(1);
		});
	}

}
