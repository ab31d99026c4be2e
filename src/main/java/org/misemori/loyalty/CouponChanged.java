package org.misemori.loyalty;

/**
 * Staff created, changed or deactivated a coupon; published for the audit log (541–543).
 * @param actor as {@code <shop code>/<login ID>}
 */
public record CouponChanged(long shopId, String actor, Change change, String detail) {

	public enum Change {
		CREATED, UPDATED, DEACTIVATED
	}

}
