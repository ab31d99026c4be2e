package org.misemori.ordering.domain;

import java.time.Instant;
import java.util.List;

import org.misemori.loyalty.Coupons;
import org.misemori.loyalty.LoyaltyException;
import org.misemori.loyalty.OrderRef;
import org.misemori.loyalty.Points;
import org.misemori.ordering.CheckoutRejected;
import org.misemori.ordering.OrderingException;
import org.misemori.ordering.Quote;

import org.springframework.stereotype.Component;

/**
 * An order's coupon use and points, taken in the order's transaction and given back with it:
 * a coupon used up or points spent elsewhere a moment ago refuse the whole order.
 */
@Component
class OrderRewards {

	private final Coupons coupons;

	private final Points points;

	OrderRewards(Coupons coupons, Points points) {
		this.coupons = coupons;
		this.points = points;
	}

	void take(Quote quote, Long memberId, long orderId, Instant now) {
		OrderRef order = new OrderRef(orderId);
		try {
			if (quote.couponCode().isPresent()) {
				coupons.redeem(quote.couponCode().get(), quote.goodsSubtotal(), now, order);
			}
			if (quote.pointsUsed() > 0) {
				points.redeem(memberId, quote.pointsUsed(), order);
			}
			if (quote.pointsToEarn() > 0) {
				points.award(memberId, quote.goodsSubtotal() - quote.couponDiscount() - quote.pointsUsed(), order);
			}
		}
		catch (LoyaltyException refused) {
			throw new CheckoutRejected(List.of(new OrderingException(
					refused.messageKey().contains("coupon") ? "couponCode" : "points", refused.messageKey(),
					refused.getArguments())));
		}
	}

	/** A cancellation: the coupon's use and the points used come back, the points earned go. */
	void giveBack(long orderId) {
		points.reverse(new OrderRef(orderId));
		coupons.release(new OrderRef(orderId));
	}

	/** A return: the goods came back, so the points they earned go and the points paid with come back. */
	void reversePoints(long orderId) {
		points.reverse(new OrderRef(orderId));
	}

}
