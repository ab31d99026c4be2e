package org.misemori.ordering;

import java.util.List;

/**
 * The orders of the current shop ({@code platform.TenantContext}), for staff and for a member's
 * history. Changes name their {@code actor} for the audit log; a change the order's status does
 * not allow throws {@link OrderingException} and changes nothing.
 */
public interface Orders {

	int PAGE_SIZE = 50;

	/** Newest first, one page at a time. */
	List<OrderSummary> list(OrderSearch search, int page);

	/** One order with its personal data, read for {@code purpose} (recorded). */
	java.util.Optional<OrderDetails> open(OrderId id, String purpose);

	/**
	 * Moves the order on (paid, preparing, delivered, returned). Shipping needs its tracking
	 * number ({@link #ship}); cancelling gives back the units, points and coupon ({@link #cancel}).
	 */
	void changeStatus(OrderId id, OrderStatus to, String actor);

	/** Marks the order shipped with its tracking number and mails the shopper. */
	void ship(OrderId id, Carrier carrier, String trackingNumber, String actor);

	/** Cancels before shipping: the units go back to stock, the points and coupon to the shopper; mailed. */
	void cancel(OrderId id, String actor);

	/** A member's own orders, newest first. */
	List<OrderSummary> ofMember(long memberId, int limit);

}
