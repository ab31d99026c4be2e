package org.misemori.loyalty.points;

import java.time.Instant;
import java.util.List;

import org.misemori.loyalty.OrderRef;
import org.misemori.loyalty.PointsEntry;
import org.misemori.loyalty.PointsKind;

/**
 * When each earning's points lapse under the last-earning rule: an earning keeps the points
 * before it alive if it comes before they lapse, so an earning's points last until the end of
 * the unbroken run of earnings it belongs to.
 */
final class PointsHistory {

	private final List<Instant> earnings;

	private final Instant[] lapseOf;

	PointsHistory(List<Instant> earningsOldestFirst, int expiryMonths) {
		this.earnings = earningsOldestFirst;
		this.lapseOf = new Instant[earnings.size()];
		for (int i = earnings.size() - 1; i >= 0; i--) {
			Instant own = PointsAccount.lapseOf(earnings.get(i), expiryMonths);
			boolean extended = i + 1 < earnings.size() && earnings.get(i + 1).isBefore(own);
			lapseOf[i] = extended ? lapseOf[i + 1] : own;
		}
	}

	PointsEntry entry(PointsRows.LedgerRow row) {
		OrderRef order = row.orderId() == null ? null : new OrderRef(row.orderId());
		Instant expiresAt = row.kind() == PointsKind.EARNED ? lapseOfEarningAt(row.at()) : null;
		return new PointsEntry(row.at(), row.kind(), row.points(), order, expiresAt);
	}

	private Instant lapseOfEarningAt(Instant at) {
		int i = earnings.lastIndexOf(at);
		return i < 0 ? null : lapseOf[i];
	}

}
