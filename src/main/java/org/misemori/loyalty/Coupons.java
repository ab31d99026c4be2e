package org.misemori.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A shop's coupons, for the current shop; every method joins the caller's transaction. Codes
 * are case-insensitive (see {@link CouponCode}).
 */
public interface Coupons {

	/**
	 * Whether {@code code} applies to an order of {@code goodsSubtotalYen} at {@code now}; no side
	 * effect.
	 *
	 * @throws LoyaltyException {@code loyalty.coupon.unknown}, {@code .inactive},
	 *         {@code .notStarted}, {@code .expired}, {@code .minimumNotMet}, {@code .usedUp}, or a
	 *         code format key
	 */
	CouponGrant check(String code, long goodsSubtotalYen, Instant now);

	/**
	 * The same checks, then counts one use atomically (of racing orders for the last use, one
	 * wins) and records it against {@code order}. A retry for the same order counts nothing.
	 */
	CouponGrant redeem(String code, long goodsSubtotalYen, Instant now, OrderRef order);

	/** A cancelled order gives its use back; a second call changes nothing. */
	void release(OrderRef order);

	/** Staff create a coupon (audited, 541). @throws LoyaltyException {@code loyalty.coupon.duplicate} */
	void create(Coupon coupon, String actor);

	/**
	 * Staff change a coupon's terms (audited, 542); the code, the use count and the active flag
	 * stay as they are.
	 */
	void update(Coupon terms, String actor);

	/** Staff stop a coupon for good (audited, 543). */
	void deactivate(String code, String actor);

	Optional<Coupon> find(String code);

	/** All the shop's coupons, newest first. */
	List<Coupon> list();

}
