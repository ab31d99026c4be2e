package org.misemori.payment.domain;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes attempts and alerts older than the window: they limit nothing any more. Safe on every
 * node at once (each row goes once). Scheduling is switched on here too, so that it does not
 * depend on another module being present.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(AttemptLimits.class)
class CardAttemptHousekeeping {

	private static final int BATCH = 1_000;

	private final CardAttempts attempts;

	CardAttemptHousekeeping(CardAttempts attempts) {
		this.attempts = attempts;
	}

	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT2M")
	void forgetOldAttempts() {
		while (attempts.forgetOld(BATCH) >= BATCH) {
			// another batch
		}
	}

}
