package org.misemori.ordering.domain;

import org.misemori.ordering.OrderId;
import org.misemori.ordering.OrderStatus;
import org.misemori.payment.PaymentChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An order follows its payment: paid once the provider has the money assured, cancelled (units
 * back to stock, points and coupon back) once the payment will not happen. Heard inside the
 * transaction that recorded the payment's change, so both commit together or neither does. A
 * held payment moves nothing: a person looks first.
 */
@Component
class PaymentOutcomes {

	private final OrderRows rows;

	private final OrderService orders;

	PaymentOutcomes(OrderRows rows, OrderService orders) {
		this.rows = rows;
		this.orders = orders;
	}

	@EventListener
	void on(PaymentChanged payment) {
		if (payment.held()) {
			return;
		}
		OrderId id = new OrderId(payment.orderId());
		rows.find(id).filter(order -> order.status() == OrderStatus.RECEIVED).ifPresent(order -> {
			if (payment.status().secured()) {
				orders.markPaidByProvider(id, payment.actor());
			}
			else if (payment.status().abandoned()) {
				orders.cancel(id, payment.actor());
			}
		});
	}

}
