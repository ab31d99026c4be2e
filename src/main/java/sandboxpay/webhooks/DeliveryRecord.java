package sandboxpay.webhooks;

import java.util.concurrent.atomic.AtomicInteger;

/** How often an event was tried and how often the merchant took it (2xx), for the test hooks. */
public final class DeliveryRecord {

	final AtomicInteger attempts = new AtomicInteger();

	final AtomicInteger deliveries = new AtomicInteger();

	public int attempts() {
		return attempts.get();
	}

	public int deliveries() {
		return deliveries.get();
	}

}
