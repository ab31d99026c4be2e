package org.misemori.identity.lockout;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;

/**
 * The limits for one kind of account. Attempts that end in a successful sign-in give their
 * tokens back, so in effect the buckets count failures (and attempts still in flight): a shop
 * whose staff share one office address does not lock itself out on a busy morning.
 * @param addressGroup which client-address budget the attempts draw on
 * @param perAddress attempts from one client address, over any number of account names
 * @param perAccount attempts at one account name; it also caps how many parallel attempts can
 * slip past the lock check before the failures that lock the account are counted
 * @param failures what consecutive failures do
 */
record SignInLimits(String addressGroup, BucketConfiguration perAddress, BucketConfiguration perAccount,
		FailurePolicy failures) {

	private static final SignInLimits STAFF_AND_OPERATORS = new SignInLimits("admin", limit(30, Duration.ofMinutes(10)),
			limit(15, Duration.ofMinutes(30)), FailurePolicy.LOCK);

	/** Looser per address: many shoppers may share one carrier-grade NAT address. */
	private static final SignInLimits MEMBERS = new SignInLimits("member", limit(100, Duration.ofMinutes(10)),
			limit(20, Duration.ofMinutes(15)), FailurePolicy.PROGRESSIVE_DELAY);

	static SignInLimits of(AccountKey.Kind kind) {
		return kind == AccountKey.Kind.MEMBER ? MEMBERS : STAFF_AND_OPERATORS;
	}

	String addressBucket(String clientAddress) {
		return "login:addr:" + addressGroup + ":" + ClientAddresses.normalised(clientAddress);
	}

	static String accountBucket(AccountKey account) {
		return "login:account:" + account.id();
	}

	/** {@code attempts} at once, refilled evenly over {@code period} (never all at once at a boundary). */
	private static BucketConfiguration limit(int attempts, Duration period) {
		return BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(attempts).refillGreedy(attempts, period))
			.build();
	}

}
