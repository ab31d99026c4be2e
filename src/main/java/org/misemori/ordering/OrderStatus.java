package org.misemori.ordering;

import java.util.EnumSet;
import java.util.Set;

/**
 * An order's life. Which step may follow which is fixed here, so that no screen, import or
 * retry can ship a cancelled order or "un-deliver" one. Units are held for the order from
 * checkout until it ships (then they leave stock) or is cancelled (then they are released).
 */
public enum OrderStatus {

	RECEIVED, PAID, PREPARING, SHIPPED, DELIVERED, CANCELLED, RETURNED;

	/**
	 * The next steps from this one. A bank-transfer order is prepared only once paid; a cash on
	 * delivery order is paid at the door, so it goes from received to preparing. Cancelling is
	 * possible until the parcel has left; after that it is a return.
	 */
	public Set<OrderStatus> next(PaymentMethod payment) {
		return switch (this) {
			case RECEIVED -> payment == PaymentMethod.CASH_ON_DELIVERY ? EnumSet.of(PREPARING, CANCELLED)
					: EnumSet.of(PAID, CANCELLED);
			case PAID -> EnumSet.of(PREPARING, CANCELLED);
			case PREPARING -> EnumSet.of(SHIPPED, CANCELLED);
			case SHIPPED -> EnumSet.of(DELIVERED, RETURNED);
			case DELIVERED -> EnumSet.of(RETURNED);
			case CANCELLED, RETURNED -> EnumSet.noneOf(OrderStatus.class);
		};
	}

	public boolean canBecome(OrderStatus next, PaymentMethod payment) {
		return next(payment).contains(next);
	}

	public String messageKey() {
		return "ordering.status." + name();
	}

}
