package org.misemori.ordering.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.misemori.catalog.Catalog;
import org.misemori.catalog.Quantity;
import org.misemori.catalog.VariantId;
import org.misemori.ordering.Carrier;
import org.misemori.ordering.OrderDetails;
import org.misemori.ordering.OrderId;
import org.misemori.ordering.OrderSearch;
import org.misemori.ordering.OrderStatus;
import org.misemori.ordering.PaymentMethod;
import org.misemori.payment.OrderPayment;
import org.misemori.payment.PaymentRefused;
import org.misemori.payment.PaymentStatus;
import org.misemori.payment.PaymentUnavailable;
import org.misemori.payment.Payments;
import org.misemori.ordering.OrderStatusChanged;
import org.misemori.ordering.OrderSummary;
import org.misemori.ordering.Orders;
import org.misemori.ordering.OrderingException;
import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order's life after checkout. Every step is checked against {@link OrderStatus#next} and
 * made by a conditional UPDATE, so two staff pressing "ship" and "cancel" at once get one of
 * them; its side effects (stock, points, coupon, mail) are in the same transaction.
 */
@Service
@Transactional
class OrderService implements Orders {

	private final OrderRows rows;

	private final OrderListing listing;

	private final OrderReading reading;

	private final Catalog catalog;

	private final OrderRewards rewards;

	private final OrderMails mails;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Payments payments;

	OrderService(OrderRows rows, OrderListing listing, OrderReading reading, Catalog catalog,
			OrderRewards rewards, OrderMails mails, ApplicationEventPublisher events, Clock clock,
			Payments payments) {
		this.rows = rows;
		this.payments = payments;
		this.listing = listing;
		this.reading = reading;
		this.catalog = catalog;
		this.rewards = rewards;
		this.mails = mails;
		this.events = events;
		this.clock = clock;
	}

	// Not read-only: opening personal data writes its read record in the same transaction.
	@Override
	public List<OrderSummary> list(OrderSearch search, int page) {
		return listing.list(shop(), search, page);
	}

	@Override
	public Optional<OrderDetails> open(OrderId id, String purpose) {
		return rows.find(id).map(order -> reading.open(shop(), order, rows.lines(id), rows.history(id), purpose));
	}

	@Override
	public void changeStatus(OrderId id, OrderStatus to, String actor) {
		if (to == OrderStatus.SHIPPED || to == OrderStatus.CANCELLED) {
			throw new OrderingException("status", "ordering.status.useOwnAction");
		}
		StoredOrder order = allowed(id, to);
		if (to == OrderStatus.PAID && order.payment().providerKind().isPresent()) {
			// Card, konbini and deferred orders are paid when their provider says so, not by hand.
			throw new OrderingException("status", "ordering.status.paidByProvider");
		}
		move(order, to, actor, "");
		if (to == OrderStatus.RETURNED) {
			rewards.reversePoints(id.value());
		}
	}

	/** The provider has the money assured (see {@link PaymentOutcomes}). */
	void markPaidByProvider(OrderId id, String actor) {
		move(allowed(id, OrderStatus.PAID), OrderStatus.PAID, actor, "");
	}

	@Override
	public void ship(OrderId id, Carrier carrier, String trackingNumber, String actor) {
		String tracking = TrackingNumber.normalise(trackingNumber);
		StoredOrder order = allowed(id, OrderStatus.SHIPPED);
		captureOnShipping(order);
		if (!rows.markShipped(id, order.status(), carrier.name(), tracking, clock.instant())) {
			throw new OrderingException("status", "ordering.status.changedMeanwhile");
		}
		record(order, OrderStatus.SHIPPED, actor, "carrier=" + carrier + " tracking=" + tracking);
		rows.lines(id).forEach(line -> catalog.commit(new VariantId(line.variantId()), new Quantity(line.quantity())));
		OrderReading.Contact contact = reading.contact(shop(), order, "shipping notification");
		mails.shipped(shop(), id, contact.email(), contact.recipientName(), carrier, tracking);
	}

	@Override
	public void cancel(OrderId id, String actor) {
		StoredOrder order = allowed(id, OrderStatus.CANCELLED);
		move(order, OrderStatus.CANCELLED, actor, "");
		giveBackPayment(order, actor);
		rows.lines(id).forEach(line -> catalog.release(new VariantId(line.variantId()), new Quantity(line.quantity())));
		rewards.giveBack(id.value());
		OrderReading.Contact contact = reading.contact(shop(), order, "cancellation notice");
		mails.cancelled(shop(), id, contact.email(), contact.buyerName());
	}

	@Override
	public List<OrderSummary> ofMember(long memberId, int limit) {
		return listing.ofMember(shop(), memberId, limit);
	}

	/**
	 * Card and deferred payments were only authorized at checkout: the money is taken when the
	 * parcel leaves. If the provider refuses or cannot be reached, the order is not shipped and
	 * staff are told why; the transaction rolls back, so nothing is half-shipped.
	 */
	private void captureOnShipping(StoredOrder order) {
		if (order.payment() != PaymentMethod.CARD && order.payment() != PaymentMethod.DEFERRED) {
			return;
		}
		try {
			OrderPayment payment = payments.ofOrder(order.id().value())
				.orElseThrow(() -> new OrderingException("status", "ordering.payment.none"));
			if (payment.status() == PaymentStatus.AUTHORIZED) {
				payments.capture(order.id().value(), "shipping");
			}
		}
		catch (PaymentRefused | PaymentUnavailable failed) {
			throw new OrderingException("status", "ordering.payment.captureFailed");
		}
	}

	/** A cancelled order's money goes back: an authorization voided, a konbini slip stopped, captured money refunded. */
	private void giveBackPayment(StoredOrder order, String actor) {
		Optional<OrderPayment> payment = payments.ofOrder(order.id().value());
		if (payment.isEmpty() || payment.get().held()) {
			return;
		}
		PaymentStatus status = payment.get().status();
		try {
			if (status == PaymentStatus.AUTHORIZED || status == PaymentStatus.AWAITING_KONBINI
					|| status == PaymentStatus.UNDER_REVIEW || status == PaymentStatus.REQUIRES_PAYMENT) {
				payments.cancel(order.id().value(), actor);
			}
			else if (status == PaymentStatus.CAPTURED || status == PaymentStatus.PARTIALLY_REFUNDED) {
				payments.refund(order.id().value(),
						payment.get().capturedAmount() - payment.get().refundedAmount(), actor);
			}
		}
		catch (PaymentRefused | PaymentUnavailable failed) {
			throw new OrderingException("status", "ordering.payment.giveBackFailed");
		}
	}

	private StoredOrder allowed(OrderId id, OrderStatus to) {
		StoredOrder order = rows.find(id).orElseThrow(() -> new OrderingException("order", "ordering.order.unknown"));
		if (!order.status().canBecome(to, order.payment())) {
			throw new OrderingException("status", "ordering.status.notAllowed", order.status().name(), to.name());
		}
		return order;
	}

	private void move(StoredOrder order, OrderStatus to, String actor, String detail) {
		if (!rows.changeStatus(order.id(), order.status(), to, clock.instant())) {
			throw new OrderingException("status", "ordering.status.changedMeanwhile");
		}
		record(order, to, actor, detail);
	}

	private void record(StoredOrder order, OrderStatus to, String actor, String detail) {
		Instant now = clock.instant();
		rows.recordStatus(shop().value(), order.id().value(), order.status(), to, now, actor);
		events.publishEvent(new OrderStatusChanged(shop().value(), order.id().value(), order.status(), to, actor, detail));
	}

	private static ShopId shop() {
		return TenantContext.current().orElseThrow(() -> new IllegalStateException("No current shop"));
	}

}
