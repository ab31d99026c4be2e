package org.misemori.payment.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.misemori.payment.PaymentStatus;
import org.misemori.payment.PaymentUnavailable;
import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * No payment stays in limbo. A payment still open and quiet for a while (the webhook never came:
 * Misemori was down, or the provider gave up) is asked about and settled as a webhook would
 * have settled it, once: the version check makes a late webhook after this change nothing.
 * A card payment the shopper never completed is cancelled at the provider after
 * {@code abandon-after}, which cancels its order and puts the units back on the shelf.
 */
@Component
class PaymentReconciliation {

	private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

	private final JdbcClient jdbc;

	private final PaymentService payments;

	private final Clock clock;

	private final Duration quietFor;

	private final Duration abandonAfter;

	PaymentReconciliation(JdbcClient jdbc, PaymentService payments, Clock clock,
			@Value("${misemori.payments.reconcile.quiet-for:PT2M}") Duration quietFor,
			@Value("${misemori.payments.reconcile.abandon-after:PT1H}") Duration abandonAfter) {
		this.jdbc = jdbc;
		this.payments = payments;
		this.clock = clock;
		this.quietFor = quietFor;
		this.abandonAfter = abandonAfter;
	}

	private record Due(long shopId, long orderId, String status, Timestamp quietSince) {
	}

	@Scheduled(fixedDelayString = "${misemori.payments.reconcile.interval:PT1M}",
			initialDelayString = "${misemori.payments.reconcile.interval:PT1M}")
	void settleQuietPayments() {
		if (!payments.hasProvider()) {
			return;
		}
		Instant now = clock.instant();
		List<Due> due = jdbc.sql("SELECT shop_id, order_id, status, quiet_since FROM payment.open_payments_due(:since, 100)")
			.param("since", Timestamp.from(now.minus(quietFor)))
			.query(Due.class)
			.list();
		due.forEach(payment -> TenantContext.runAs(new ShopId(payment.shopId()), () -> settle(payment, now)));
	}

	private void settle(Due payment, Instant now) {
		try {
			PaymentStatus status = payments.refresh(payment.orderId()).map(p -> p.status()).orElse(null);
			boolean abandoned = status == PaymentStatus.REQUIRES_PAYMENT
					&& payment.quietSince().toInstant().isBefore(now.minus(abandonAfter));
			if (abandoned) {
				payments.cancel(payment.orderId(), "reconciliation");
			}
		}
		catch (PaymentUnavailable later) {
			log.warn("Payment of order " + payment.orderId() + " not reconciled now: the provider did not answer");
		}
		catch (RuntimeException failed) {
			// One payment's trouble must not stop the others being settled.
			log.error("Payment of order " + payment.orderId() + " not reconciled", failed);
		}
	}

}
