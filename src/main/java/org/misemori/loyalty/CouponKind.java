package org.misemori.loyalty;

/** 円引き or %引き. */
public enum CouponKind {

	FIXED_YEN, PERCENT

}
