package sandboxpay.payments;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Every event of every payment, kept so tests can list, replay and resend them. */
@Component
public class EventLog {

	private final Map<String, PaymentEvent> byId = new ConcurrentHashMap<>();

	private final Map<String, List<PaymentEvent>> byPayment = new ConcurrentHashMap<>();

	private final JsonMapper json;

	private final EventSink sink;

	private final Clock clock;

	EventLog(JsonMapper json, EventSink sink, Clock clock) {
		this.json = json;
		this.sink = sink;
		this.clock = clock;
	}

	/** Called while the ledger holds the payment's entry, so events reach the sink in version order. */
	void record(Payment payment) {
		String id = Ids.next("evt_");
		long created = clock.instant().getEpochSecond();
		String type = typeOf(payment.status());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id);
		body.put("type", type);
		body.put("created", created);
		body.put("payment", payment);
		PaymentEvent event = new PaymentEvent(id, type, created, payment.id(), payment.version(),
				json.writeValueAsString(body));
		byId.put(id, event);
		List<PaymentEvent> events = byPayment.computeIfAbsent(payment.id(), key -> new ArrayList<>());
		synchronized (events) {
			events.add(event);
		}
		sink.accept(event);
	}

	public Optional<PaymentEvent> event(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	/** Oldest first. */
	public List<PaymentEvent> of(String paymentId) {
		List<PaymentEvent> events = byPayment.getOrDefault(paymentId, List.of());
		synchronized (events) {
			return List.copyOf(events);
		}
	}

	private static String typeOf(PaymentStatus status) {
		return switch (status) {
			case AUTHORIZED -> "payment.authorized";
			case CAPTURED -> "payment.captured";
			case DECLINED -> "payment.declined";
			case CANCELED -> "payment.canceled";
			case PARTIALLY_REFUNDED, REFUNDED -> "payment.refunded";
			case AWAITING_KONBINI -> "payment.konbini_issued";
			case EXPIRED -> "payment.expired";
			case UNDER_REVIEW -> "payment.under_review";
			case REQUIRES_PAYMENT -> throw new IllegalStateException("opening a payment is not an event");
		};
	}

}
