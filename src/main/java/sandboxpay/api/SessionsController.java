package sandboxpay.api;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import sandboxpay.payments.Ledger;
import sandboxpay.payments.NewPayment;
import sandboxpay.payments.PaymentMethod;
import sandboxpay.payments.PaymentSession;

/** {@code POST /v1/sessions}: a payment and the hosted page that will take it. */
@RestController
class SessionsController {

	private final SessionRequests requests;

	private final Ledger ledger;

	private final Idempotency idempotency;

	private final JsonMapper json;

	SessionsController(SessionRequests requests, Ledger ledger, Idempotency idempotency, JsonMapper json) {
		this.requests = requests;
		this.ledger = ledger;
		this.idempotency = idempotency;
		this.json = json;
	}

	@PostMapping("/v1/sessions")
	ResponseEntity<String> start(@RequestBody(required = false) String body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return idempotency.once(key, "POST", "/v1/sessions", body, () -> {
			NewPayment request = requests.read(body);
			PaymentSession session = ledger.open(request);
			return Idempotency.answer(HttpStatus.CREATED, json.writeValueAsString(answer(base, request, session)));
		});
	}

	private Map<String, Object> answer(String base, NewPayment request, PaymentSession session) {
		boolean hosted = request.method() != PaymentMethod.DEFERRED;
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", session.id());
		answer.put("paymentId", session.paymentId());
		answer.put("url", hosted ? base + "/pay/" + session.id() : null);
		answer.put("fieldsUrl", session.iframe() ? base + "/fields/" + session.id() : null);
		answer.put("expiresAt", session.expiresAt());
		answer.put("payment", ledger.payment(session.paymentId()));
		return answer;
	}

}
