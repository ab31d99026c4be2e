package org.misemori.notify.outbox;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The outbox in numbers. The pending gauge reads a value the poller refreshes on each look
 * (it counts pending mails anyway), so a scrape never touches the database.
 */
@Component
class OutboxMetrics {

	private final AtomicLong pending = new AtomicLong();

	private final Counter sent;

	private final Counter retried;

	private final Counter givenUp;

	private final Counter forged;

	OutboxMetrics(MeterRegistry registry) {
		Gauge.builder("misemori.mail.pending", pending, AtomicLong::get)
			.description("Mails in the outbox not yet sent nor given up")
			.register(registry);
		this.sent = Counter.builder("misemori.mail.sent").description("Mails accepted by the mail server").register(registry);
		this.retried = failed(registry, "retry", "Failed attempts that will be retried");
		this.givenUp = failed(registry, "gave-up", "Mails given up after the last attempt");
		this.forged = failed(registry, "forged", "Outbox rows refused because their seal does not verify");
	}

	private static Counter failed(MeterRegistry registry, String reason, String description) {
		return Counter.builder("misemori.mail.failed").tag("reason", reason).description(description).register(registry);
	}

	void pending(long count) {
		pending.set(count);
	}

	void sent() {
		sent.increment();
	}

	void failed(boolean gaveUp) {
		(gaveUp ? givenUp : retried).increment();
	}

	void forged() {
		forged.increment();
	}

}
