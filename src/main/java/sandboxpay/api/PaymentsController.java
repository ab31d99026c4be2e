package sandboxpay.api;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import sandboxpay.payments.Ledger;
import sandboxpay.payments.Payment;

/** Reading a payment, and the merchant's transitions: capture, cancel, refund. */
@RestController
class PaymentsController {

	private final Ledger ledger;

	private final Idempotency idempotency;

	private final JsonMapper json;

	PaymentsController(Ledger ledger, Idempotency idempotency, JsonMapper json) {
		this.ledger = ledger;
		this.idempotency = idempotency;
		this.json = json;
	}

	@GetMapping("/v1/payments/{id}")
	Payment payment(@PathVariable String id) {
		return ledger.payment(id);
	}

	@GetMapping("/v1/payments")
	Map<String, List<Payment>> byReference(@RequestParam String merchantReference) {
		return Map.of("payments", ledger.byMerchantReference(merchantReference));
	}

	@PostMapping("/v1/payments/{id}/capture")
	ResponseEntity<String> capture(@PathVariable String id, @RequestBody(required = false) String body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return once(key, "/v1/payments/" + id + "/capture", body, () -> ledger.capture(id, amountIn(body)));
	}

	@PostMapping("/v1/payments/{id}/cancel")
	ResponseEntity<String> cancel(@PathVariable String id, @RequestBody(required = false) String body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return once(key, "/v1/payments/" + id + "/cancel", body, () -> ledger.cancel(id));
	}

	@PostMapping("/v1/payments/{id}/refunds")
	ResponseEntity<String> refund(@PathVariable String id, @RequestBody(required = false) String body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return once(key, "/v1/payments/" + id + "/refunds", body, () -> ledger.refund(id, amountIn(body)));
	}

	private ResponseEntity<String> once(String key, String path, String body, Supplier<Payment> change) {
		return idempotency.once(key, "POST", path, body,
				() -> Idempotency.answer(HttpStatus.OK, json.writeValueAsString(change.get())));
	}

	private Long amountIn(String body) {
		return JsonBody.parse(json, body).amount("amount", 1, SessionRequests.MAX_AMOUNT);
	}

}
