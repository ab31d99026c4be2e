package sandboxpay.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import sandboxpay.payments.EventLog;
import sandboxpay.payments.Ledger;
import sandboxpay.payments.Payment;
import sandboxpay.payments.PaymentEvent;
import sandboxpay.payments.UnknownPayment;
import sandboxpay.webhooks.DeliveryRecord;
import sandboxpay.webhooks.WebhookDelivery;

/** The test hooks under {@code /sandbox}: what a shopper or the world would do, on demand. */
@RestController
class SandboxHooksController {

	private final Ledger ledger;

	private final EventLog events;

	private final WebhookDelivery delivery;

	private final ApiAccess access;

	private final JsonMapper json;

	SandboxHooksController(Ledger ledger, EventLog events, WebhookDelivery delivery, ApiAccess access,
			JsonMapper json) {
		this.ledger = ledger;
		this.events = events;
		this.delivery = delivery;
		this.access = access;
		this.json = json;
	}

	@PostMapping("/sandbox/payments/{id}/konbini-paid")
	Payment konbiniPaid(@PathVariable String id) {
		return ledger.konbiniPaid(id);
	}

	@PostMapping("/sandbox/payments/{id}/expire")
	Payment expire(@PathVariable String id) {
		return ledger.expire(id);
	}

	@PostMapping("/sandbox/payments/{id}/review")
	Payment review(@PathVariable String id, @RequestBody(required = false) String body) {
		return ledger.review(id, JsonBody.parse(json, body).flag("approve"));
	}

	@PostMapping("/sandbox/events/{eventId}/resend")
	Map<String, Object> resend(@PathVariable String eventId) {
		PaymentEvent event = events.event(eventId).orElseThrow(UnknownPayment::new);
		delivery.resend(event);
		return view(event);
	}

	@GetMapping("/sandbox/payments/{id}/events")
	List<Map<String, Object>> events(@PathVariable String id) {
		ledger.payment(id);
		return events.of(id).stream().map(this::view).toList();
	}

	@PostMapping("/sandbox/outage")
	Map<String, Object> outage(@RequestBody(required = false) String body) {
		boolean down = JsonBody.parse(json, body).flag("down");
		access.outage(down);
		return Map.of("down", down);
	}

	@PostMapping("/sandbox/webhooks")
	Map<String, Object> webhooks(@RequestBody(required = false) String body) {
		boolean paused = JsonBody.parse(json, body).flag("paused");
		delivery.pause(paused);
		return Map.of("paused", paused);
	}

	private Map<String, Object> view(PaymentEvent event) {
		DeliveryRecord record = delivery.record(event.id());
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", event.id());
		view.put("type", event.type());
		view.put("created", event.created());
		view.put("paymentVersion", event.paymentVersion());
		view.put("attempts", record.attempts());
		view.put("deliveries", record.deliveries());
		view.put("body", event.body());
		return view;
	}

}
