package org.misemori.identity.lockout;

import java.time.Duration;

/**
 * What consecutive failed sign-ins do to an account: for operators and staff a lock of fixed
 * length once a threshold is reached (PCI DSS 8.3.4: at most 10 attempts, at least 30
 * minutes); for members a delay that doubles with each failure past a few free ones, up to a
 * cap, so that a typo costs nothing and guessing costs hours, while nobody can lock a shopper
 * out of their account by failing on purpose.
 */
final class FailurePolicy {

	static final FailurePolicy LOCK = new FailurePolicy(true, 10, Duration.ofMinutes(30));

	static final FailurePolicy PROGRESSIVE_DELAY = new FailurePolicy(false, 5, Duration.ofMinutes(15));

	private final boolean locks;

	private final int threshold;

	private final Duration longest;

	private FailurePolicy(boolean locks, int threshold, Duration longest) {
		this.locks = locks;
		this.threshold = threshold;
		this.longest = longest;
	}

	/** Whether reaching the threshold locks the account (and tells its holder). */
	boolean locks() {
		return locks;
	}

	/**
	 * How long the account is blocked after its {@code failures}-th consecutive failure: zero
	 * below the threshold; the lock's length; or, for a delay, 2^(failures - threshold) seconds,
	 * never more than the cap.
	 */
	Duration blockAfter(int failures) {
		if (failures < threshold) {
			return Duration.ZERO;
		}
		if (locks) {
			return longest;
		}
		int doublings = failures - threshold;
		// 2^30 seconds is decades: beyond it only the cap matters, and 1L << doublings cannot overflow.
		if (doublings >= 30) {
			return longest;
		}
		return Duration.ofSeconds(Math.min(1L << doublings, longest.toSeconds()));
	}

}
