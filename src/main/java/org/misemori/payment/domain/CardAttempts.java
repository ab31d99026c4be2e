package org.misemori.payment.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.misemori.payment.PaymentAttemptsExceeded;
import org.misemori.payment.PaymentAttemptsLimited;
import org.misemori.payment.PaymentOpening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Card-testing defence (issue 6 §5): card payment attempts counted per client address, per member
 * and per shop over a sliding window, in the database, so every node counts the same attempts.
 * An attempt is admitted, and counted under each of its keys, only while every key is under its
 * limit; a refused attempt is not written, so an attack cannot grow the table. The keys are
 * locked for the count (advisory locks, in one order), so simultaneous attempts cannot both take
 * the last place. A limit that trips alerts the operators once per key and window.
 */
@Component
class CardAttempts {

	/** Stable: what an operator's log search or a later watch module looks for. */
	static final Marker ALERT = MarkerFactory.getMarker("PAYMENT_ATTEMPTS_LIMITED");

	/** The advisory-lock class of these counts (the migration's version, so no other lock shares it). */
	private static final int LOCK_CLASS = 50;

	private static final Logger log = LoggerFactory.getLogger(CardAttempts.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AttemptLimits limits;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CardAttempts(JdbcClient jdbc, PlatformTransactionManager transactionManager, AttemptLimits limits,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.limits = limits;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Counts the attempt, or refuses it.
	 * @throws PaymentAttemptsExceeded if a limit is reached: nothing was counted
	 */
	void admit(PaymentOpening opening, long shopId) {
		List<Limit> applying = applying(opening, shopId);
		Instant now = clock.instant();
		List<Limit> reached = transactions.execute(status -> countOrRefuse(applying, now));
		if (!reached.isEmpty()) {
			reached.forEach(limit -> alertOnce(limit, shopId, now));
			throw new PaymentAttemptsExceeded("Too many card payment attempts: " + reached.get(0).kind());
		}
	}

	/** Forgets attempts and alerts older than the window; returns how many rows went. */
	int forgetOld(int batch) {
		Timestamp before = Timestamp.from(clock.instant().minus(limits.window()));
		int attempts = jdbc.sql("""
				DELETE FROM payment.card_attempt WHERE id IN
				    (SELECT id FROM payment.card_attempt WHERE attempted_at <= :before LIMIT :batch)""")
			.param("before", before)
			.param("batch", batch)
			.update();
		return attempts + jdbc.sql("DELETE FROM payment.card_attempt_alert WHERE alerted_at <= :before")
			.param("before", before)
			.update();
	}

	private List<Limit> applying(PaymentOpening opening, long shopId) {
		List<Limit> applying = new ArrayList<>();
		applying.add(new Limit("ADDRESS", AttemptKeys.address(opening.clientAddress()), limits.perAddress()));
		opening.customerReference()
			.filter(reference -> !reference.isBlank())
			.ifPresent(reference -> applying.add(new Limit("MEMBER", AttemptKeys.member(reference), limits.perMember())));
		applying.add(new Limit("SHOP", AttemptKeys.shop(shopId), limits.perShop()));
		return applying;
	}

	private List<Limit> countOrRefuse(List<Limit> applying, Instant now) {
		// One global order (by lock id) for every transaction: no two can wait on each other.
		applying.stream()
			.map(limit -> limit.key().hashCode())
			.distinct()
			.sorted()
			.forEach(lock -> jdbc.sql("SELECT pg_advisory_xact_lock(:lockClass, :lock)")
				.param("lockClass", LOCK_CLASS)
				.param("lock", lock)
				.query((row, n) -> 1)
				.list());
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("""
				SELECT attempt_key, count(*) AS attempts FROM payment.card_attempt
				WHERE attempt_key IN (:keys) AND attempted_at > :since GROUP BY attempt_key""")
			.param("keys", applying.stream().map(Limit::key).toList())
			.param("since", Timestamp.from(now.minus(limits.window())))
			.query(row -> {
				counts.put(row.getString("attempt_key"), row.getLong("attempts"));
			});
		List<Limit> reached = applying.stream().filter(limit -> counts.getOrDefault(limit.key(), 0L) >= limit.allowed())
			.toList();
		if (reached.isEmpty()) {
			applying.forEach(limit -> jdbc.sql("INSERT INTO payment.card_attempt (attempt_key, attempted_at) VALUES (:key, :now)")
				.param("key", limit.key())
				.param("now", Timestamp.from(now))
				.update());
		}
		return reached;
	}

	/** An alert unless this key alerted within the window; the upsert decides it atomically, on any node. */
	private void alertOnce(Limit limit, long shopId, Instant now) {
		Optional<String> alerted = jdbc.sql("""
				INSERT INTO payment.card_attempt_alert (attempt_key, alerted_at) VALUES (:key, :now)
				ON CONFLICT (attempt_key) DO UPDATE SET alerted_at = EXCLUDED.alerted_at
				WHERE payment.card_attempt_alert.alerted_at <= :since
				RETURNING attempt_key""")
			.param("key", limit.key())
			.param("now", Timestamp.from(now))
			.param("since", Timestamp.from(now.minus(limits.window())))
			.query(String.class)
			.optional();
		if (alerted.isPresent()) {
			log.error(ALERT, "PAYMENT_ATTEMPTS_LIMITED limit=" + limit.kind() + " key=" + limit.key() + " shop=" + shopId
					+ " allowed=" + limit.allowed() + " window=" + limits.window()
					+ ": card payment attempts refused until the count falls (card testing?)");
			events.publishEvent(new PaymentAttemptsLimited(limit.kind(), limit.key(), shopId, limit.allowed(),
					limits.window()));
		}
	}

	private record Limit(String kind, String key, int allowed) {
	}

}
