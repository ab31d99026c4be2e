package org.misemori.payment.domain;

import org.springframework.context.ApplicationContext;

/** Runs the payment reconciliation now, as its schedule would, for tests that cannot wait a minute. */
public final class Reconciliation {

	private Reconciliation() {
	}

	public static void runNow(ApplicationContext context) {
		context.getBean(PaymentReconciliation.class).settleQuietPayments();
	}

}
