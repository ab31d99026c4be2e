package sandboxpay.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import sandboxpay.payments.Account;
import sandboxpay.payments.EventSink;
import sandboxpay.payments.PaymentEvent;

/**
 * POSTs each event to the merchant's webhook URL on a background executor. Events of one payment
 * go out one after another, in the order they were queued (a lane per payment); a failed attempt
 * is retried after 1, 2, 4 … seconds, at most {@code webhook-attempts} times, and only then does
 * the lane move on. Pausing holds every lane; nothing queued is lost.
 */
@Component
public class WebhookDelivery implements EventSink, DisposableBean {

	private static final Log log = LogFactory.getLog(WebhookDelivery.class);

	private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

	private final Map<String, DeliveryRecord> records = new ConcurrentHashMap<>();

	private final AtomicBoolean paused = new AtomicBoolean();

	private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "sandboxpay-webhook");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Account account;

	private final Clock clock;

	WebhookDelivery(Account account, Clock clock) {
		this.account = account;
		this.clock = clock;
	}

	@Override
	public void accept(PaymentEvent event) {
		records.putIfAbsent(event.id(), new DeliveryRecord());
		if (account.webhookUrl() == null) {
			return;
		}
		Lane lane = lanes.computeIfAbsent(event.paymentId(), key -> new Lane());
		synchronized (lane) {
			lane.queue.add(event);
		}
		kick(lane);
	}

	/** Delivers an event again, behind whatever its payment's lane already holds. */
	public void resend(PaymentEvent event) {
		accept(event);
	}

	public void pause(boolean pause) {
		paused.set(pause);
		if (!pause) {
			lanes.values().forEach(this::kick);
		}
	}

	public DeliveryRecord record(String eventId) {
		return records.getOrDefault(eventId, new DeliveryRecord());
	}

	private void kick(Lane lane) {
		synchronized (lane) {
			if (lane.busy || paused.get() || lane.queue.isEmpty()) {
				return;
			}
			lane.busy = true;
		}
		executor.execute(() -> attempt(lane, 1));
	}

	private void attempt(Lane lane, int attempt) {
		PaymentEvent event;
		synchronized (lane) {
			if (paused.get()) {
				lane.busy = false;
				return;
			}
			event = lane.queue.peek();
		}
		boolean delivered = post(event);
		if (!delivered && attempt < account.webhookAttempts()) {
			long delaySeconds = 1L << Math.min(attempt - 1, 16);
			executor.schedule(() -> attempt(lane, attempt + 1), delaySeconds, TimeUnit.SECONDS);
			return;
		}
		if (!delivered) {
			log.warn("Webhook " + event.id() + " gave up after " + attempt + " attempts");
		}
		synchronized (lane) {
			lane.queue.poll();
			lane.busy = false;
		}
		kick(lane);
	}

	private boolean post(PaymentEvent event) {
		DeliveryRecord record = records.computeIfAbsent(event.id(), key -> new DeliveryRecord());
		record.attempts.incrementAndGet();
		long now = clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(URI.create(account.webhookUrl()))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json; charset=utf-8")
			.header("User-Agent", "SandboxPay/1")
			.header(WebhookSignature.HEADER, WebhookSignature.header(account.webhookSecret(), now, event.body()))
			.POST(HttpRequest.BodyPublishers.ofString(event.body(), StandardCharsets.UTF_8))
			.build();
		try {
			int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			boolean ok = status >= 200 && status < 300;
			if (ok) {
				record.deliveries.incrementAndGet();
			}
			return ok;
		}
		catch (java.io.IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}

	private static final class Lane {

		final ArrayDeque<PaymentEvent> queue = new ArrayDeque<>();

		boolean busy;

	}

}
