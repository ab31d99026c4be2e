package sandboxpay;

import java.io.IOException;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One Sandbox Pay on a random port with a webhook receiver, per test class. The merchant's
 * origin is http://localhost:8080 (nothing needs to listen there: the tests read the redirect).
 */
final class SandboxPayFixture implements AutoCloseable {

	static final String API_KEY = "sk_test_fixture_0123456789abcdef";

	static final String WEBHOOK_SECRET = "whsec_fixture_0123456789abcdef";

	static final String SHOP_ORIGIN = "http://localhost:8080";

	final WebhookReceiver receiver;

	final SandboxPayServer server;

	final SandboxPayClient api;

	SandboxPayFixture() throws IOException {
		receiver = new WebhookReceiver();
		server = SandboxPay.start(SandboxPaySettings.of(API_KEY, WEBHOOK_SECRET, List.of(SHOP_ORIGIN))
			.withWebhookUrl(receiver.url()));
		api = new SandboxPayClient(server.baseUrl(), API_KEY);
	}

	/** A session body; {@code extra} is spliced in as further JSON members (start with a comma). */
	static String session(String method, long amount, String reference, String extra) {
		return """
				{ "amount": %d, "currency": "JPY", "method": "%s", "shop": "zakka-1234567",
				  "merchantReference": "%s",
				  "returnUrl": "http://localhost:8080/s/zakka-1234567/checkout/payment/return?order=%s",
				  "cancelUrl": "http://localhost:8080/s/zakka-1234567/checkout/payment/cancel?order=%s" %s }
				""".formatted(amount, method, reference, reference, reference, extra);
	}

	JsonNode open(String body) throws IOException, InterruptedException {
		SandboxPayClient.Answer answer = api.post("/v1/sessions", body);
		if (answer.status() != 201) {
			throw new AssertionError("session not created: " + answer.status() + " " + answer.body());
		}
		return answer.json();
	}

	JsonNode payment(String id) throws IOException, InterruptedException {
		return api.get("/v1/payments/" + id).json();
	}

	@Override
	public void close() {
		server.close();
		receiver.close();
	}

}
