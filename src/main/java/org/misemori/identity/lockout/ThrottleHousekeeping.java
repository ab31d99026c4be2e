package org.misemori.identity.lockout;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes what no longer limits anything: buckets that have refilled, and failure counts that
 * have been quiet for a day and block nothing. Safe on every node at once: each row goes once.
 * (Scheduling is switched on here as well as by the mail poller, so that neither depends on
 * the other being present.)
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ThrottleHousekeeping {

	private static final int BATCH = 1_000;

	private final RateLimits limits;

	private final FailureLedger ledger;

	ThrottleHousekeeping(RateLimits limits, FailureLedger ledger) {
		this.limits = limits;
		this.ledger = ledger;
	}

	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
	void forgetWhatNoLongerLimits() {
		int removed;
		do {
			removed = limits.removeExpired(BATCH);
		}
		while (removed == BATCH);
		ledger.forgetStale();
	}

}
