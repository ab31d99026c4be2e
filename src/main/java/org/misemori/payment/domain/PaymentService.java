package org.misemori.payment.domain;

import java.time.Clock;
import java.util.Optional;

import org.misemori.payment.CardPage;
import org.misemori.payment.CardPageChanged;
import org.misemori.payment.OpenedPayment;
import org.misemori.payment.OrderPayment;
import org.misemori.payment.PaymentKind;
import org.misemori.payment.PaymentOpening;
import org.misemori.payment.PaymentProvider;
import org.misemori.payment.PaymentRefused;
import org.misemori.payment.PaymentStopped;
import org.misemori.payment.PaymentUnavailable;
import org.misemori.payment.Payments;
import org.misemori.payment.ProviderPayment;
import org.misemori.platform.TenantContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current shop's provider payments. Changes lock the payment's row while they ask the
 * provider, so two clicks on "capture" reach the provider one after the other, and the second
 * carries the same idempotency key: the money is taken once.
 */
@Service
class PaymentService implements Payments {

	private final ObjectProvider<PaymentProvider> providers;

	private final PaymentRows rows;

	private final PaymentReports reports;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final CardStops stops;

	private final CardAttempts attempts;

	private final TransactionTemplate reading;

	PaymentService(ObjectProvider<PaymentProvider> providers, PaymentRows rows, PaymentReports reports, Clock clock,
			ApplicationEventPublisher events, CardStops stops, CardAttempts attempts,
			PlatformTransactionManager transactionManager) {
		this.reading = new TransactionTemplate(transactionManager);
		this.reading.setReadOnly(true);
		this.events = events;
		this.providers = providers;
		this.rows = rows;
		this.reports = reports;
		this.clock = clock;
		this.stops = stops;
		this.attempts = attempts;
	}

	/** Card is not offered while an operator has stopped it for this shop or for every shop. */
	@Override
	public boolean offers(PaymentKind kind) {
		PaymentProvider provider = providers.getIfAvailable();
		return provider != null && provider.offers(kind)
				&& !(kind == PaymentKind.CARD && stops.stopped(TenantContext.current()));
	}

	@Override
	public Optional<String> providerOrigin() {
		return Optional.ofNullable(providers.getIfAvailable()).map(PaymentProvider::pageOrigin);
	}

	boolean hasProvider() {
		return providers.getIfAvailable() != null;
	}

	/**
	 * No transaction: a shopper waiting on a slow provider must not hold a database connection.
	 * A card payment is refused while stopped, and counted as an attempt before the provider is
	 * asked (card testing), so a refused attempt never reaches the provider.
	 */
	@Override
	public OpenedPayment open(PaymentOpening opening) {
		if (opening.kind() == PaymentKind.CARD && stops.stopped(TenantContext.current())) {
			throw new PaymentStopped("Card payments are stopped for shop " + opening.shopCode());
		}
		if (!offers(opening.kind())) {
			throw new PaymentUnavailable("No provider offers " + opening.kind(), null);
		}
		if (opening.kind() == PaymentKind.CARD) {
			attempts.admit(opening, shop());
		}
		// Read in a transaction of its own: this method holds none, and the shop's row is only
		// visible inside one (the tenant is set when a transaction begins).
		CardPage page = reading.execute(status -> rows.cardPage()).orElse(CardPage.REDIRECT);
		return provider().open(opening.on(page));
	}

	@Override
	@Transactional(readOnly = true)
	public CardPage cardPage() {
		return rows.cardPage().orElse(CardPage.REDIRECT);
	}

	@Override
	@Transactional
	public void changeCardPage(CardPage page, String actor) {
		CardPage before = cardPage();
		rows.saveCardPage(shop(), page, clock.instant());
		events.publishEvent(new CardPageChanged(shop(), before, page, actor));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<java.net.URI> cardFields(long orderId) {
		return rows.cardFields(orderId).map(java.net.URI::create);
	}

	@Override
	@Transactional
	public void attach(OpenedPayment opened, long orderId) {
		rows.insert(shop(), orderId, opened, clock.instant());
		// A deferred payment is screened when it is opened: its outcome is already news.
		rows.lockByOrder(orderId).ifPresent(held -> reports.record(held, opened.payment(), "provider"));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<OrderPayment> ofOrder(long orderId) {
		return rows.find(orderId);
	}

	@Override
	@Transactional
	public Optional<OrderPayment> refresh(long orderId) {
		Optional<PaymentRows.ProviderRef> held = rows.lockByOrder(orderId);
		held.ifPresent(ref -> reports.record(ref, provider().fetch(ref.paymentId()), "reconciliation"));
		return rows.find(orderId);
	}

	@Override
	@Transactional
	public OrderPayment capture(long orderId, String actor) {
		PaymentRows.ProviderRef ref = locked(orderId);
		record(ref, provider().capture(ref.paymentId(), ref.amount(), "capture-" + shop() + "-" + orderId), actor);
		return rows.find(orderId).orElseThrow();
	}

	@Override
	@Transactional
	public OrderPayment cancel(long orderId, String actor) {
		PaymentRows.ProviderRef ref = locked(orderId);
		record(ref, provider().cancel(ref.paymentId(), "cancel-" + shop() + "-" + orderId), actor);
		return rows.find(orderId).orElseThrow();
	}

	/** The key names the money refunded so far: a retry repeats the refund, a later one is a new refund. */
	@Override
	@Transactional
	public OrderPayment refund(long orderId, long amount, String actor) {
		PaymentRows.ProviderRef ref = locked(orderId);
		long refundedSoFar = rows.find(orderId).orElseThrow().refundedAmount();
		record(ref, provider().refund(ref.paymentId(), amount,
				"refund-" + shop() + "-" + orderId + "-" + refundedSoFar + "-" + amount), actor);
		return rows.find(orderId).orElseThrow();
	}

	private void record(PaymentRows.ProviderRef ref, ProviderPayment reported, String actor) {
		reports.record(ref, reported, actor);
	}

	private PaymentRows.ProviderRef locked(long orderId) {
		return rows.lockByOrder(orderId).orElseThrow(() -> new PaymentRefused("payment.none", "order " + orderId));
	}

	private PaymentProvider provider() {
		PaymentProvider provider = providers.getIfAvailable();
		if (provider == null) {
			throw new PaymentUnavailable("No payment provider is configured", null);
		}
		return provider;
	}

	private static long shop() {
		return TenantContext.current().orElseThrow(() -> new IllegalStateException("No current shop")).value();
	}

}
