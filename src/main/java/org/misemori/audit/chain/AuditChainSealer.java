package org.misemori.audit.chain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Chains new audit entries every second (the database function does the chaining under one
 * lock across nodes; see V21). The runtime role may call the function and nothing more: it
 * still cannot read, change or remove an entry.
 */
@Component
@EnableScheduling
class AuditChainSealer {

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	AuditChainSealer(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT1S")
	void sealPending() {
		while (sealBatch() == BATCH) {
			// A backlog (after downtime, or a burst) is chained in batches of short transactions.
		}
	}

	private int sealBatch() {
		return jdbc.sql("SELECT audit.seal_pending(:batch)").param("batch", BATCH).query(Integer.class).single();
	}

}
