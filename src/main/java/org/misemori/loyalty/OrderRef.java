package org.misemori.loyalty;

/** An order of the ordering module, by its id: points and coupon uses are recorded against it. */
public record OrderRef(long orderId) {

	public OrderRef {
		if (orderId <= 0) {
			throw new IllegalArgumentException("An order id is positive: " + orderId);
		}
	}

}
