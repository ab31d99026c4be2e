package org.misemori.loyalty;

import java.util.List;

/**
 * A shop's points, for the current shop ({@link org.misemori.platform.TenantContext}). Every
 * method joins the caller's transaction.
 * <p>
 * Expiry rule (the common Japanese one, e.g. 「最終獲得日から1年間ポイントの獲得がない場合、
 * すべてのポイントが失効」): all of a member's points lapse together {@code expiryMonths} after
 * their LAST earning; each new earning keeps the whole balance alive. Computed when read, with
 * the shop's current setting, so no job is needed.
 */
public interface Points {

	PointsSettings settings();

	/** Saves the current shop's settings; a change is audited (540), an unchanged save records nothing. */
	void updateSettings(PointsSettings settings, String changedBy);

	/** The points the member can use now: lapsed points are not counted, never below zero. */
	long balance(long memberId);

	/**
	 * Spends {@code points} of the member's valid balance on {@code order}, atomically: of two
	 * orders racing for the same points only those the balance covers succeed. A retry for the
	 * same order with the same points changes nothing.
	 *
	 * @throws LoyaltyException {@code loyalty.points.insufficient}, {@code loyalty.points.belowMinimum},
	 *         {@code loyalty.points.disabled}, {@code loyalty.points.invalidAmount}
	 */
	void redeem(long memberId, long points, OrderRef order);

	/**
	 * Gives the member points for {@code goodsPaidYen} (goods paid in money, after coupon and
	 * points) at the shop's rate, rounded down; returns them. Once per order: a retry returns
	 * the points already given. Nothing when points are off.
	 */
	long award(long memberId, long goodsPaidYen, OrderRef order);

	/**
	 * A cancelled order: the points it used come back, the points it earned are taken back
	 * (even if spent meanwhile, which leaves a debt later earnings pay off). Once per order.
	 */
	void reverse(OrderRef order);

	/** The member's latest entries first, at most {@code limit} (1–500). */
	List<PointsEntry> history(long memberId, int limit);

}
