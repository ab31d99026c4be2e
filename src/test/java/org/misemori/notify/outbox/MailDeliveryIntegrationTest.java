package org.misemori.notify.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.misemori.Databases;
import org.misemori.notify.MailOutbox;
import org.misemori.notify.Mails;
import org.misemori.notify.NotifyIntegrationTest;
import org.misemori.notify.OutboundMail;
import org.misemori.notify.OutboxRows;
import org.misemori.vault.SecretBox;
import org.misemori.notify.TestMailServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Delivery when the mail server is away, when workers race, and when a row was planted. */
@NotifyIntegrationTest
class MailDeliveryIntegrationTest {

	@RegisterExtension
	static GreenMailExtension smtp = TestMailServer.extension();

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutboxDelivery delivery;

	@Autowired
	TransactionTemplate transactions;

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
	void whileTheMailServerIsDownMailWaitsAndIsDeliveredOnceWhenItIsBack() {
		String to = Mails.uniqueRecipient("kissa.example.jp");
		OutboundMail mail = Mails.japanese(to);
		byte[] key = seal.dedupeKey(mail.dedupeKey());
		smtp.stop();
		try {
			outbox.enqueue(mail);
			await().atMost(Duration.ofSeconds(15)).until(() -> rows.to(to).get(0).attempts() >= 2);
			// Still pending after failed attempts: the content stays whole, sealed, for the next one.
			assertThat(rows.to(to)).singleElement().satisfies(row -> {
				assertThat(row.status()).isEqualTo("PENDING");
				assertThat(row.lastError()).contains("127.0.0.1");
				assertThat(row.sentAt()).isNull();
				assertThat(row.subject()).isEqualTo(Mails.SUBJECT);
				assertThat(row.body()).isEqualTo(Mails.BODY);
				assertThat(row.sealed()).isTrue();
			});
		}
		finally {
			smtp.start();
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> !Mails.receivedBy(smtp, to).isEmpty());
		await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(rows.withDedupeKey(key).get(0).status()));
		await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
		assertThat(Mails.receivedBy(smtp, to)).hasSize(1);
		assertThat(rows.withDedupeKey(key)).singleElement().satisfies(row -> {
			assertThat(row.lastError()).isNull();
			assertThat(row.forgotten()).isTrue();
		});
	}

	@Test
	void twoWorkersRacingDeliverEachMailExactlyOnce() throws Exception {
		String domain = "race-" + System.nanoTime() + ".example.jp";
		List<String> recipients = new ArrayList<>();
		List<byte[]> keys = new ArrayList<>();
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < 50; i++) {
				String to = "mail" + i + "@" + domain;
				recipients.add(to);
				keys.add(seal.dedupeKey("race:" + domain + ":" + i));
				outbox.enqueue(new OutboundMail(to, "競争 " + i, "本文 " + i, "race:" + domain + ":" + i, null));
			}
		});

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService workers = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> claimed = new ArrayList<>();
			for (int w = 0; w < 2; w++) {
				claimed.add(workers.submit(() -> {
					start.await();
					int total = 0;
					for (int batch = delivery.deliverDue(); batch > 0; batch = delivery.deliverDue()) {
						total += batch;
					}
					return total;
				}));
			}
			start.countDown();
			for (Future<Integer> worker : claimed) {
				assertThat(worker.get(60, TimeUnit.SECONDS)).isNotNegative();
			}
		}
		finally {
			workers.shutdownNow();
		}

		// The scheduled poller may have taken some batches too: three workers, still once each.
		await().atMost(Duration.ofSeconds(15))
			.until(() -> keys.stream().map(rows::withDedupeKey).allMatch(r -> r.size() == 1 && r.get(0).sentAt() != null));
		List<MimeMessage> received = List.of(smtp.getReceivedMessagesForDomain(domain));
		assertThat(received).hasSize(50);
		Set<String> receivedBy = received.stream().map(Mails::recipientOf).collect(Collectors.toSet());
		assertThat(receivedBy).containsExactlyInAnyOrderElementsOf(recipients);
		assertThat(keys).allSatisfy(key -> assertThat(rows.withDedupeKey(key)).singleElement()
			.satisfies(row -> assertThat(row.attempts()).isEqualTo(1)));
	}

	@Test
	void aRowPlantedByInjectedSqlIsNeverSent() throws Exception {
		String to = Mails.uniqueRecipient("phish.example");
		byte[] made = new byte[32];
		new SecureRandom().nextBytes(made);
		// What an injected statement could do as the runtime role: insert, but neither seal the
		// content with the vault's key nor the row with the seal key.
		try (Connection runtime = Databases.asRuntimeRole(environment);
				PreparedStatement insert = runtime.prepareStatement("""
						INSERT INTO notify.outbox_mail (dedupe_key, content, seal) VALUES (?, ?, ?)""")) {
			insert.setBytes(1, made);
			insert.setBytes(2, (to + "\nお支払い情報の確認\nhttps://phish.example/").getBytes(java.nio.charset.StandardCharsets.UTF_8));
			insert.setBytes(3, made);
			insert.executeUpdate();
		}

		await().atMost(Duration.ofSeconds(15)).until(() -> "FAILED".equals(rows.withDedupeKey(made).get(0).status()));
		// Given up and forgotten: the planted address and link are gone with the row's seal.
		assertThat(rows.withDedupeKey(made)).singleElement().satisfies(row -> {
			assertThat(row.lastError()).contains("seal");
			assertThat(row.forgotten()).isTrue();
		});
		assertThat(Mails.receivedBy(smtp, to)).isEmpty();
	}

	@Test
	void anIdleOutboxWritesNoAuditEntries() {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> rows.count("SELECT count(*) FROM notify.outbox_mail WHERE status = 'PENDING'") == 0);
		String deliveries = "SELECT count(*) FROM audit.audit_event WHERE detail LIKE 'MAIL_DELIVERY:%'";
		long before = rows.count(deliveries);
		// Five polls at least, with nothing due.
		await().pollDelay(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(2)).until(() -> true);
		assertThat(rows.count(deliveries)).isEqualTo(before);

		String to = Mails.uniqueRecipient("kissa.example.jp");
		outbox.enqueue(Mails.japanese(to));
		await().atMost(Duration.ofSeconds(15)).until(() -> !Mails.receivedBy(smtp, to).isEmpty());
		assertThat(rows.count(deliveries)).isGreaterThan(before);
	}

}
