package org.misemori.notify.outbox;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks at the outbox every {@code misemori.mail.poll-interval} and delivers what is due.
 * The look is cheap and made as the runtime role, which may see a row's status and due time
 * but nothing else; only when something is due does the poller enter the audited cross-shop
 * path, so an idle system writes no audit entries.
 */
@Component
class OutboxPoller {

	private static final Log log = LogFactory.getLog(OutboxPoller.class);

	/** Bounds one look, so a large backlog is worked through without starving other jobs. */
	private static final int MAX_BATCHES_PER_POLL = 10;

	private final JdbcClient jdbc;

	private final OutboxDelivery delivery;

	private final OutboxMetrics metrics;

	private final MailProperties properties;

	private final AtomicBoolean warnedNoMailServer = new AtomicBoolean();

	private final ReentrantLock polling = new ReentrantLock();

	private final AtomicBoolean stopped = new AtomicBoolean();

	OutboxPoller(JdbcClient jdbc, OutboxDelivery delivery, OutboxMetrics metrics, MailProperties properties) {
		this.jdbc = jdbc;
		this.delivery = delivery;
		this.metrics = metrics;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${misemori.mail.poll-interval:1s}", initialDelayString = "${misemori.mail.poll-interval:1s}")
	void poll() {
		if (!polling.tryLock()) {
			return;
		}
		try {
			if (!stopped.get()) {
				pollOnce();
			}
		}
		catch (DataAccessException ex) {
			// The next look tries again; one line, not a stack trace every second while the database is away.
			log.warn("Could not look at the mail outbox: " + ex.getMostSpecificCause().getMessage());
		}
		finally {
			polling.unlock();
		}
	}

	/**
	 * Stops polling first thing when the application closes: the embedded database stops on
	 * this same event, before scheduled jobs are stopped, and a poll after that would wait for
	 * a connection (30 s) and hold up the shutdown. A poll in flight is let finish.
	 */
	@EventListener(ContextClosedEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void stop() {
		stopped.set(true);
		polling.lock();
		polling.unlock();
	}

	private void pollOnce() {
		if (pendingAndDue() == 0) {
			return;
		}
		if (!delivery.canSend()) {
			if (warnedNoMailServer.compareAndSet(false, true)) {
				log.warn("Mail is waiting in the outbox but no mail server is configured: set spring.mail.host."
						+ " It is sent once one is.");
			}
			return;
		}
		for (int batch = 0; batch < MAX_BATCHES_PER_POLL; batch++) {
			if (delivery.deliverDue() < properties.batchSize()) {
				return;
			}
		}
	}

	/** Counts pending mails for the gauge and returns how many of them are due now. */
	private long pendingAndDue() {
		long[] counts = jdbc.sql("""
				SELECT count(*) AS pending, count(*) FILTER (WHERE next_attempt_at <= now()) AS due
				FROM notify.outbox_mail WHERE status = 'PENDING'""")
			.query((row, n) -> new long[] { row.getLong("pending"), row.getLong("due") })
			.single();
		metrics.pending(counts[0]);
		return counts[1];
	}

}
