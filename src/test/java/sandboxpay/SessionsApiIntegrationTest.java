package sandboxpay;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static sandboxpay.SandboxPayFixture.session;

/** {@code POST /v1/sessions}: validation, keys, idempotency, outage; over real HTTP. */
class SessionsApiIntegrationTest {

	private static SandboxPayFixture sandbox;

	@BeforeAll
	static void start() throws Exception {
		sandbox = new SandboxPayFixture();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void opensACardSessionWithItsHostedPage() throws Exception {
		var answer = sandbox.api.post("/v1/sessions", session("CARD", 5500, "order-1", ""));
		assertThat(answer.status()).isEqualTo(201);
		var json = answer.json();
		assertThat(json.path("id").asString()).startsWith("ses_");
		assertThat(json.path("url").asString()).isEqualTo(sandbox.server.baseUrl() + "/pay/" + json.path("id").asString());
		assertThat(json.path("fieldsUrl").isNull()).isTrue();
		assertThat(json.path("payment").path("status").asString()).isEqualTo("REQUIRES_PAYMENT");
		assertThat(json.path("payment").path("version").asLong()).isEqualTo(1);
		assertThat(json.path("payment").path("amount").asLong()).isEqualTo(5500);
		assertThat(json.path("paymentId").asString()).isEqualTo(json.path("payment").path("id").asString());
	}

	@Test
	void refusesBadInputNamingTheField() throws Exception {
		assertRefused(session("CARD", 0, "order-2", ""), "amount");
		assertRefused(session("CARD", 5500, "order-2", "").replace("5500", "\"5500\""), "amount");
		assertRefused(session("CASH", 5500, "order-2", ""), "method");
		assertRefused(session("KONBINI", 5500, "order-2", ", \"mode\": \"IFRAME\""), "mode");
		assertRefused(session("CARD", 5500, "order-2", "").replace("http://localhost:8080/s/zakka-1234567/checkout/payment/return",
				"https://evil.example/steal"), "returnUrl");
		assertRefused(session("CARD", 5500, "order-2", "").replace("http://localhost:8080/s/zakka-1234567/checkout/payment/cancel",
				"javascript:alert(1)"), "cancelUrl");
		assertRefused(session("CARD", 5500, "order-2", ", \"mode\": \"IFRAME\", \"embedOrigin\": \"https://evil.example\""),
				"embedOrigin");
		assertRefused(session("DEFERRED", 5500, "order-2", ""), "buyer");
		assertRefused("not json", "body");
	}

	@Test
	void refusesAWrongOrMissingKey() throws Exception {
		var wrong = sandbox.api.withKey("sk_test_fixture_0123456789abcdeX", "/v1/sessions", session("CARD", 5500, "o", ""));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.json().path("error").asString()).isEqualTo("unauthorized");
		var missing = new SandboxPayClient(sandbox.server.baseUrl(), "").get("/v1/payments/pay_x");
		assertThat(missing.status()).isEqualTo(401);
	}

	@Test
	void theSameIdempotencyKeyAndBodyGiveTheSameSession() throws Exception {
		String body = session("CARD", 3300, "order-3", "");
		var first = sandbox.api.post("/v1/sessions", body, "idem-order-3");
		var again = sandbox.api.post("/v1/sessions", body, "idem-order-3");
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
		assertThat(again.body()).isEqualTo(first.body());
		var payments = sandbox.api.get("/v1/payments?merchantReference=order-3").json().path("payments");
		assertThat(payments.size()).isEqualTo(1);

		var other = sandbox.api.post("/v1/sessions", session("CARD", 3400, "order-3", ""), "idem-order-3");
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.json().path("error").asString()).isEqualTo("idempotency_conflict");
	}

	@Test
	void anOutageAnswers503UntilItEnds() throws Exception {
		assertThat(sandbox.api.post("/sandbox/outage", "{\"down\": true}").status()).isEqualTo(200);
		try {
			var answer = sandbox.api.post("/v1/sessions", session("CARD", 5500, "order-4", ""));
			assertThat(answer.status()).isEqualTo(503);
			assertThat(answer.json().path("error").asString()).isEqualTo("unavailable");
			assertThat(sandbox.api.get("/v1/payments?merchantReference=order-4").status()).isEqualTo(503);
		}
		finally {
			sandbox.api.post("/sandbox/outage", "{\"down\": false}");
		}
		assertThat(sandbox.api.post("/v1/sessions", session("CARD", 5500, "order-4", "")).status()).isEqualTo(201);
	}

	@Test
	void anUnknownPaymentIsNotFound() throws Exception {
		var answer = sandbox.api.get("/v1/payments/pay_nope");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.json().path("error").asString()).isEqualTo("not_found");
	}

	private static void assertRefused(String body, String field) throws Exception {
		var answer = sandbox.api.post("/v1/sessions", body);
		assertThat(answer.status()).as(body).isEqualTo(400);
		assertThat(answer.json().path("error").asString()).isEqualTo("invalid_request");
		assertThat(answer.json().path("field").asString()).isEqualTo(field);
		assertThat(answer.json().path("message").asString()).isNotBlank();
	}

}
