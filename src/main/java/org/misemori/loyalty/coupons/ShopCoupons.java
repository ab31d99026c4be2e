package org.misemori.loyalty.coupons;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.misemori.loyalty.Coupon;
import org.misemori.loyalty.CouponChanged;
import org.misemori.loyalty.CouponCode;
import org.misemori.loyalty.CouponGrant;
import org.misemori.loyalty.Coupons;
import org.misemori.loyalty.LoyaltyException;
import org.misemori.loyalty.OrderRef;
import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupons of the current shop. A use is counted by one conditional UPDATE; refusals come
 * before any write and do not mark the caller's transaction for rollback.
 */
@Service
@Transactional(noRollbackFor = LoyaltyException.class)
class ShopCoupons implements Coupons {

	private final CouponRows rows;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ShopCoupons(CouponRows rows, ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public CouponGrant check(String code, long goodsSubtotalYen, Instant now) {
		return grant(usable(code, goodsSubtotalYen, now).coupon());
	}

	@Override
	public CouponGrant redeem(String code, long goodsSubtotalYen, Instant now, OrderRef order) {
		CouponRows.Stored coupon = usable(code, goodsSubtotalYen, now);
		Optional<CouponRows.Redemption> earlier = rows.redemptionOf(order);
		if (earlier.isPresent()) {
			if (earlier.get().couponId() == coupon.id() && !earlier.get().released()) {
				return grant(coupon.coupon()); // a retry of the same order
			}
			throw new LoyaltyException("loyalty.coupon.orderHasCoupon");
		}
		long id = rows.countUse(coupon.coupon().code(), now)
			.orElseThrow(() -> new LoyaltyException("loyalty.coupon.usedUp")); // another order took the last use
		rows.recordRedemption(currentShop(), order, id, clock.instant());
		return grant(coupon.coupon());
	}

	@Override
	public void release(OrderRef order) {
		rows.release(order, clock.instant());
	}

	@Override
	public void create(Coupon coupon, String actor) {
		if (!rows.insert(currentShop(), coupon)) {
			throw new LoyaltyException("loyalty.coupon.duplicate", coupon.code());
		}
		publish(actor, CouponChanged.Change.CREATED, describe(coupon));
	}

	@Override
	public void update(Coupon terms, String actor) {
		Coupon before = find(terms.code()).orElseThrow(() -> new LoyaltyException("loyalty.coupon.unknown"));
		if (!rows.updateTerms(terms)) {
			throw new LoyaltyException("loyalty.coupon.usageLimit.belowUsed", before.used());
		}
		publish(actor, CouponChanged.Change.UPDATED, "before=" + describe(before) + " after=" + describe(terms));
	}

	@Override
	public void deactivate(String code, String actor) {
		String normalised = CouponCode.normalise(code);
		if (find(normalised).isEmpty()) {
			throw new LoyaltyException("loyalty.coupon.unknown");
		}
		if (rows.deactivate(normalised)) {
			publish(actor, CouponChanged.Change.DEACTIVATED, "code=" + normalised);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Coupon> find(String code) {
		return rows.find(CouponCode.normalise(code)).map(CouponRows.Stored::coupon);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Coupon> list() {
		return rows.list();
	}

	/** The checks, in the order a shopper would want to hear them. */
	private CouponRows.Stored usable(String code, long goodsSubtotalYen, Instant now) {
		CouponRows.Stored stored = rows.find(CouponCode.normalise(code))
			.orElseThrow(() -> new LoyaltyException("loyalty.coupon.unknown"));
		Coupon coupon = stored.coupon();
		if (!coupon.active()) {
			throw new LoyaltyException("loyalty.coupon.inactive");
		}
		if (now.isBefore(coupon.startsAt())) {
			throw new LoyaltyException("loyalty.coupon.notStarted", coupon.startsAt());
		}
		if (!now.isBefore(coupon.endsAt())) {
			throw new LoyaltyException("loyalty.coupon.expired", coupon.endsAt());
		}
		if (goodsSubtotalYen < coupon.minimumSubtotalYen()) {
			throw new LoyaltyException("loyalty.coupon.minimumNotMet", coupon.minimumSubtotalYen());
		}
		if (coupon.usedUp()) {
			throw new LoyaltyException("loyalty.coupon.usedUp");
		}
		return stored;
	}

	private static CouponGrant grant(Coupon coupon) {
		return new CouponGrant(coupon.code(), coupon.kind(), coupon.value());
	}

	private void publish(String actor, CouponChanged.Change change, String detail) {
		events.publishEvent(new CouponChanged(currentShop().value(), actor, change, detail));
	}

	private static String describe(Coupon coupon) {
		return coupon.code() + "/" + coupon.kind() + "/" + coupon.value() + "/min" + coupon.minimumSubtotalYen() + "/"
				+ coupon.startsAt() + ".." + coupon.endsAt() + "/limit" + (coupon.usageLimit() == null ? "none" : coupon.usageLimit());
	}

	private static ShopId currentShop() {
		return TenantContext.current().orElseThrow(() -> new IllegalStateException("No current shop"));
	}

}
