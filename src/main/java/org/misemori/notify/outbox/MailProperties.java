package org.misemori.notify.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox delivers. {@code pollInterval} itself is read by the poller's
 * {@code @Scheduled} annotation; it is here so that it is documented and bound in one place.
 *
 * @param from sender address of every mail
 * @param pollInterval pause between two looks at the outbox
 * @param firstRetry wait after the first failed attempt; it doubles with each further failure
 * @param maxRetry longest wait between two attempts
 * @param maxAttempts attempts after which a mail is given up as FAILED
 * @param batchSize mails claimed, sent and committed together
 */
@ConfigurationProperties("misemori.mail")
record MailProperties(String from, Duration pollInterval, Duration firstRetry, Duration maxRetry, Integer maxAttempts,
		Integer batchSize) {

	MailProperties {
		from = (from == null || from.isBlank()) ? "no-reply@misemori.localhost" : from;
		pollInterval = (pollInterval == null) ? Duration.ofSeconds(1) : pollInterval;
		firstRetry = (firstRetry == null) ? Duration.ofSeconds(5) : firstRetry;
		maxRetry = (maxRetry == null) ? Duration.ofMinutes(10) : maxRetry;
		maxAttempts = (maxAttempts == null) ? 20 : maxAttempts;
		batchSize = (batchSize == null) ? 20 : batchSize;
		if (maxAttempts < 1 || batchSize < 1) {
			throw new IllegalArgumentException("misemori.mail.max-attempts and .batch-size must be at least 1");
		}
	}

	/** Exponential backoff: firstRetry, then doubling with each failure, capped at maxRetry. */
	Duration backoffAfter(int failedAttempts) {
		int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
		Duration delay = firstRetry.multipliedBy(1L << doublings);
		return (delay.compareTo(maxRetry) > 0) ? maxRetry : delay;
	}

	/** The domain of the sender address, for Message-IDs. */
	String fromDomain() {
		int at = from.lastIndexOf('@');
		return (at < 0 || at == from.length() - 1) ? "misemori.localhost" : from.substring(at + 1);
	}

}
