package org.misemori.payment.domain;

import java.time.Clock;
import java.util.Optional;

import org.misemori.payment.PaymentChanged;
import org.misemori.payment.ProviderPayment;
import org.misemori.platform.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records what a provider reports about a payment, whoever brought the report: a webhook, the
 * reconciliation, the answer to a capture. Only a report newer than the one held counts, so
 * duplicates and late arrivals change nothing. A report of another amount than the order's
 * holds the payment for a person, and the order does not move on.
 */
@Component
class PaymentReports {

	private static final Logger log = LoggerFactory.getLogger(PaymentReports.class);

	/** The operator alert's mark in the log, stable for whatever watches the log (and audited as PAYMENT_HELD). */
	static final Marker HELD = MarkerFactory.getMarker("PAYMENT_HELD");

	private final PaymentRows rows;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PaymentReports(PaymentRows rows, ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.events = events;
		this.clock = clock;
	}

	/** Call with the payment's row locked ({@link PaymentRows#lockByOrder}); returns whether it was news. */
	boolean record(PaymentRows.ProviderRef held, ProviderPayment reported, String actor) {
		if (reported.version() <= held.version()) {
			return false;
		}
		Optional<String> mismatch = reported.amount() == held.amount() ? Optional.empty()
				: Optional.of("provider reported " + reported.amount() + " yen for a payment of " + held.amount());
		if (!rows.update(held.orderId(), reported, mismatch, clock.instant())) {
			return false;
		}
		boolean isHeld = mismatch.isPresent() || rows.find(held.orderId()).map(p -> p.held()).orElse(false);
		if (mismatch.isPresent()) {
			log.error(HELD, "PAYMENT_HELD payment of order " + held.orderId() + " held for review: " + mismatch.get());
		}
		long shop = TenantContext.current().orElseThrow(() -> new IllegalStateException("No current shop")).value();
		events.publishEvent(new PaymentChanged(shop, held.orderId(), reported.kind(), reported.status(), isHeld, actor));
		return true;
	}

}
