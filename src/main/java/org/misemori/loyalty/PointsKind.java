package org.misemori.loyalty;

/** What moved a member's points, as their my page lists it. */
public enum PointsKind {

	EARNED, REDEEMED, EXPIRED, REVERSED

}
