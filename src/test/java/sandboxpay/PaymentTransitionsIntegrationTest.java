package sandboxpay;

import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static sandboxpay.SandboxPayFixture.session;

/** Capture, cancel and refund; konbini and deferred payment; what is refused leaves the payment as it was. */
class PaymentTransitionsIntegrationTest {

	private static final String BUYER = ", \"buyer\": { \"name\": \"%s\", \"email\": \"hanako@example.jp\" }";

	private static SandboxPayFixture sandbox;

	private static final Shopper shopper = new Shopper("ja");

	@BeforeAll
	static void start() throws Exception {
		sandbox = new SandboxPayFixture();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void captureThenRefundInPartsWithTheVersionRisingEachTime() throws Exception {
		String id = authorizedCardPayment("order-capture", 5500);
		assertThat(sandbox.payment(id).path("version").asLong()).isEqualTo(2);

		JsonNode captured = sandbox.api.post("/v1/payments/" + id + "/capture", "{\"amount\": 5000}").json();
		assertThat(captured.path("status").asString()).isEqualTo("CAPTURED");
		assertThat(captured.path("capturedAmount").asLong()).isEqualTo(5000);
		assertThat(captured.path("version").asLong()).isEqualTo(3);

		assertRefused(sandbox.api.post("/v1/payments/" + id + "/refunds", "{\"amount\": 5001}"), "CAPTURED");
		assertRefused(sandbox.api.post("/v1/payments/" + id + "/capture", "{}"), "CAPTURED");
		assertRefused(sandbox.api.post("/v1/payments/" + id + "/cancel", ""), "CAPTURED");

		JsonNode partly = sandbox.api.post("/v1/payments/" + id + "/refunds", "{\"amount\": 1000}").json();
		assertThat(partly.path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
		assertThat(partly.path("refundedAmount").asLong()).isEqualTo(1000);
		assertThat(partly.path("version").asLong()).isEqualTo(4);
		JsonNode whole = sandbox.api.post("/v1/payments/" + id + "/refunds", "").json();
		assertThat(whole.path("status").asString()).isEqualTo("REFUNDED");
		assertThat(whole.path("refundedAmount").asLong()).isEqualTo(5000);
		assertThat(whole.path("version").asLong()).isEqualTo(5);
		assertRefused(sandbox.api.post("/v1/payments/" + id + "/refunds", "{\"amount\": 1}"), "REFUNDED");
		assertThat(sandbox.payment(id).path("version").asLong()).isEqualTo(5);

		var events = sandbox.receiver.await(d -> d.body().contains(id), 4, Duration.ofSeconds(10));
		assertThat(events).extracting(d -> SandboxPayClient.JSON.readTree(d.body()).path("type").asString())
			.containsExactly("payment.authorized", "payment.captured", "payment.refunded", "payment.refunded");
	}

	@Test
	void anAuthorizationCanBeVoidedButNotCapturedAfterwards() throws Exception {
		String id = authorizedCardPayment("order-void", 2000);
		var canceled = sandbox.api.post("/v1/payments/" + id + "/cancel", "", "cancel-" + id);
		assertThat(canceled.json().path("status").asString()).isEqualTo("CANCELED");
		assertThat(sandbox.api.post("/v1/payments/" + id + "/cancel", "", "cancel-" + id).body()).isEqualTo(canceled.body());
		assertRefused(sandbox.api.post("/v1/payments/" + id + "/capture", ""), "CANCELED");
		assertThat(sandbox.api.post("/v1/payments/" + id + "/capture", "{\"amount\": -5}").status()).isEqualTo(400);
	}

	@Test
	void aDeclinedPaymentCannotBeCaptured() throws Exception {
		JsonNode session = sandbox.open(session("CARD", 5500, "order-declined-capture", ", \"capture\": \"MANUAL\""));
		Shopper.Page form = shopper.open(session.path("url").asString());
		shopper.submit(form.formAction("/card"), Shopper.card("4000000000000002", "12/30", "123"));
		assertRefused(sandbox.api.post("/v1/payments/" + session.path("paymentId").asString() + "/capture", ""), "DECLINED");
	}

	@Test
	void aKonbiniSlipIsIssuedAndPaidAtTheStore() throws Exception {
		JsonNode session = sandbox.open(session("KONBINI", 3980, "order-konbini", ""));
		String id = session.path("paymentId").asString();
		Shopper.Page stores = shopper.open(session.path("url").asString());
		assertThat(stores.body()).contains("ローソン");
		Shopper.Page slip = shopper.submit(stores.formAction("/konbini"), Map.of("store", "lawson"));
		JsonNode payment = sandbox.payment(id);
		assertThat(payment.path("status").asString()).isEqualTo("AWAITING_KONBINI");
		String number = payment.path("konbini").path("paymentNumber").asString();
		assertThat(number).matches("\\d{4}-\\d{4}-\\d{4}");
		assertThat(payment.path("konbini").path("deadline").asString()).endsWith("14:59:59Z");
		assertThat(slip.body()).contains(number).contains("Loppi").contains("order=order-konbini&amp;payment=" + id);

		JsonNode paid = sandbox.api.post("/sandbox/payments/" + id + "/konbini-paid", "").json();
		assertThat(paid.path("status").asString()).isEqualTo("CAPTURED");
		assertThat(paid.path("capturedAmount").asLong()).isEqualTo(3980);
		assertRefused(sandbox.api.post("/sandbox/payments/" + id + "/expire", ""), "CAPTURED");
		var events = sandbox.receiver.await(d -> d.body().contains(id), 2, Duration.ofSeconds(10));
		assertThat(events).extracting(d -> SandboxPayClient.JSON.readTree(d.body()).path("type").asString())
			.containsExactly("payment.konbini_issued", "payment.captured");
	}

	@Test
	void anUnpaidKonbiniSlipExpires() throws Exception {
		JsonNode session = sandbox.open(session("KONBINI", 1000, "order-konbini-late", ""));
		String id = session.path("paymentId").asString();
		Shopper.Page stores = shopper.open(session.path("url").asString());
		shopper.submit(stores.formAction("/konbini"), Map.of("store", "seven-eleven"));
		assertThat(sandbox.api.post("/sandbox/payments/" + id + "/expire", "").json().path("status").asString())
			.isEqualTo("EXPIRED");
		assertThat(shopper.open(session.path("url").asString()).body()).contains("期限が過ぎた");
	}

	@Test
	void deferredPaymentIsScreenedByTheBuyersName() throws Exception {
		JsonNode approved = sandbox.open(session("DEFERRED", 4400, "order-atobarai-ok", BUYER.formatted("山田 花子")));
		assertThat(approved.path("url").isNull()).isTrue();
		assertThat(approved.path("payment").path("status").asString()).isEqualTo("CAPTURED");

		JsonNode rejected = sandbox.open(session("DEFERRED", 4400, "order-atobarai-ng", BUYER.formatted("審査NG 太郎")));
		assertThat(rejected.path("payment").path("status").asString()).isEqualTo("DECLINED");
		assertThat(rejected.path("payment").path("declineCode").asString()).isEqualTo("screening_rejected");

		JsonNode held = sandbox.open(session("DEFERRED", 4400, "order-atobarai-hold",
				", \"capture\": \"MANUAL\"" + BUYER.formatted("保留 次郎")));
		String id = held.path("paymentId").asString();
		assertThat(held.path("payment").path("status").asString()).isEqualTo("UNDER_REVIEW");
		JsonNode decided = sandbox.api.post("/sandbox/payments/" + id + "/review", "{\"approve\": true}").json();
		assertThat(decided.path("status").asString()).isEqualTo("AUTHORIZED");
		assertRefused(sandbox.api.post("/sandbox/payments/" + id + "/review", "{\"approve\": false}"), "AUTHORIZED");
		assertThat(sandbox.api.post("/v1/payments/" + id + "/capture", "").json().path("status").asString())
			.isEqualTo("CAPTURED");

		JsonNode heldAgain = sandbox.open(session("DEFERRED", 100, "order-atobarai-hold-2", BUYER.formatted("保留 三郎")));
		JsonNode refused = sandbox.api
			.post("/sandbox/payments/" + heldAgain.path("paymentId").asString() + "/review", "{\"approve\": false}")
			.json();
		assertThat(refused.path("status").asString()).isEqualTo("DECLINED");
		assertThat(refused.path("declineCode").asString()).isEqualTo("screening_rejected");
	}

	private static String authorizedCardPayment(String reference, long amount) throws Exception {
		JsonNode session = sandbox.open(session("CARD", amount, reference, ", \"capture\": \"MANUAL\""));
		Shopper.Page form = shopper.open(session.path("url").asString());
		shopper.submit(form.formAction("/card"), Shopper.card("4242424242424242", "12/30", "123"));
		String id = session.path("paymentId").asString();
		assertThat(sandbox.payment(id).path("status").asString()).isEqualTo("AUTHORIZED");
		return id;
	}

	private static void assertRefused(SandboxPayClient.Answer answer, String status) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(409);
		assertThat(answer.json().path("error").asString()).isEqualTo("invalid_state");
		assertThat(answer.json().path("status").asString()).isEqualTo(status);
	}

}
