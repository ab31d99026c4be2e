package org.misemori.loyalty.web;

import org.misemori.loyalty.Coupon;

/** A coupon as the list shows it: Japanese calendar days (ISO, as the date inputs take them), the last day inclusive. */
record CouponRow(String code, String kind, long value, long minimum, String firstDay, String lastDay,
		Integer usageLimit, int used, boolean active) {

	static CouponRow of(Coupon coupon) {
		return new CouponRow(coupon.code(), coupon.kind().name(), coupon.value(), coupon.minimumSubtotalYen(),
				coupon.startsAt().atZone(CouponForm.JAPAN).toLocalDate().toString(),
				coupon.endsAt().minusNanos(1).atZone(CouponForm.JAPAN).toLocalDate().toString(), coupon.usageLimit(), coupon.used(),
				coupon.active());
	}

}
