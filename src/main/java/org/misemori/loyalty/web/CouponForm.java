package org.misemori.loyalty.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.misemori.loyalty.Coupon;
import org.misemori.loyalty.CouponKind;
import org.misemori.loyalty.LoyaltyException;

/**
 * The new-coupon form as typed. Days are Japanese calendar days: a coupon runs from 0:00 JST of
 * its first day to 0:00 JST after its last day, which is what a shop owner means by
 * "12月1日から12月31日まで".
 */
record CouponForm(String code, String kind, String value, String minimum, String startsOn, String endsOn,
		String usageLimit) {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	static CouponForm empty(LocalDate today) {
		return new CouponForm("", CouponKind.PERCENT.name(), "", "0", today.toString(), today.plusMonths(1).toString(), "");
	}

	Coupon toCoupon() {
		CouponKind chosen = kindChosen();
		LocalDate first = day(startsOn);
		LocalDate last = day(endsOn);
		return Coupon.of(code, chosen, FormNumbers.parse(value), FormNumbers.parse(minimum),
				first.atStartOfDay(JAPAN).toInstant(), last.plusDays(1).atStartOfDay(JAPAN).toInstant(),
				FormNumbers.optionalInt(usageLimit));
	}

	/** The same form with every field capped, to show it back after a refusal. */
	CouponForm echoed() {
		return new CouponForm(FormNumbers.echo(code), FormNumbers.echo(kind), FormNumbers.echo(value),
				FormNumbers.echo(minimum), FormNumbers.echo(startsOn), FormNumbers.echo(endsOn), FormNumbers.echo(usageLimit));
	}

	private CouponKind kindChosen() {
		for (CouponKind candidate : CouponKind.values()) {
			if (candidate.name().equals(kind)) {
				return candidate;
			}
		}
		throw new LoyaltyException("loyalty.coupon.kind.invalid");
	}

	private static LocalDate day(String typed) {
		if (typed == null || typed.isBlank() || typed.length() > 10) {
			throw new LoyaltyException("loyalty.coupon.period.missing");
		}
		try {
			return LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException unreadable) {
			throw new LoyaltyException("loyalty.coupon.period.missing");
		}
	}

}
