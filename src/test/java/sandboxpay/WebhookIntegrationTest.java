package sandboxpay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import sandboxpay.webhooks.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;
import static sandboxpay.SandboxPayFixture.session;

/** Webhooks as a merchant receives them: signed, retried with the same id, held and released, resent. */
class WebhookIntegrationTest {

	private static final String BUYER = ", \"buyer\": { \"name\": \"山田 花子\" }";

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
	void theSignatureVerifiesWithTheSecretOverTheRawBody() throws Exception {
		String id = deferred("order-signed");
		var delivery = sandbox.receiver.await(d -> d.body().contains(id), 1, Duration.ofSeconds(10)).get(0);
		String[] parts = delivery.signature().split(",");
		assertThat(parts[0]).startsWith("t=");
		assertThat(parts[1]).startsWith("v1=");
		long t = Long.parseLong(parts[0].substring(2));
		assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(300);
		String expected = WebhookSignature.hmac(SandboxPayFixture.WEBHOOK_SECRET, t + "." + delivery.body());
		assertThat(parts[1].substring(3)).isEqualTo(expected);
		assertThat(WebhookSignature.hmac("whsec_another_secret_0123456789", t + "." + delivery.body())).isNotEqualTo(expected);
		JsonNode body = SandboxPayClient.JSON.readTree(delivery.body());
		assertThat(body.path("id").asString()).startsWith("evt_");
		assertThat(body.path("type").asString()).isEqualTo("payment.authorized");
		assertThat(body.path("created").asLong()).isPositive();
		assertThat(body.path("payment").path("id").asString()).isEqualTo(id);
	}

	@Test
	void aFailingReceiverGetsTheSameEventAgainWithBackoff() throws Exception {
		sandbox.receiver.failNext(2);
		String id = deferred("order-retried");
		var deliveries = sandbox.receiver.await(d -> d.body().contains(id), 3, Duration.ofSeconds(15));
		String eventId = SandboxPayClient.JSON.readTree(deliveries.get(0).body()).path("id").asString();
		assertThat(deliveries).extracting(d -> SandboxPayClient.JSON.readTree(d.body()).path("id").asString())
			.containsOnly(eventId);
		assertThat(deliveries).extracting(WebhookReceiver.Delivery::body).containsOnly(deliveries.get(0).body());
		// 1 s, then 2 s: the second retry waits twice as long as the first.
		assertThat(Duration.between(deliveries.get(0).at(), deliveries.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(Duration.between(deliveries.get(1).at(), deliveries.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
		JsonNode events = sandbox.api.get("/sandbox/payments/" + id + "/events").json();
		assertThat(events.get(0).path("attempts").asInt()).isEqualTo(3);
		assertThat(events.get(0).path("deliveries").asInt()).isEqualTo(1);
	}

	@Test
	void pausedEventsAreHeldThenDeliveredInOrderAndOldOnesCanBeResent() throws Exception {
		sandbox.api.post("/sandbox/webhooks", "{\"paused\": true}");
		String id;
		try {
			id = deferred("order-paused");
			sandbox.api.post("/v1/payments/" + id + "/capture", "");
			sandbox.api.post("/v1/payments/" + id + "/refunds", "{\"amount\": 100}");
			Thread.sleep(500);
			assertThat(sandbox.receiver.deliveries()).noneMatch(d -> d.body().contains(id));
		}
		finally {
			sandbox.api.post("/sandbox/webhooks", "{\"paused\": false}");
		}
		var delivered = sandbox.receiver.await(d -> d.body().contains(id), 3, Duration.ofSeconds(10));
		assertThat(delivered).extracting(d -> SandboxPayClient.JSON.readTree(d.body()).path("payment").path("version").asLong())
			.containsExactly(2L, 3L, 4L);

		JsonNode events = sandbox.api.get("/sandbox/payments/" + id + "/events").json();
		assertThat(events.size()).isEqualTo(3);
		String oldest = events.get(0).path("id").asString();
		assertThat(sandbox.api.post("/sandbox/events/" + oldest + "/resend", "").status()).isEqualTo(200);
		List<WebhookReceiver.Delivery> all = sandbox.receiver.await(d -> d.body().contains(id), 4, Duration.ofSeconds(10));
		JsonNode replay = SandboxPayClient.JSON.readTree(all.get(3).body());
		assertThat(replay.path("id").asString()).isEqualTo(oldest);
		assertThat(replay.path("payment").path("version").asLong()).isEqualTo(2);
		assertThat(all.get(3).body()).isEqualTo(events.get(0).path("body").asString());
	}

	private static String deferred(String reference) throws Exception {
		JsonNode session = sandbox.open(session("DEFERRED", 2500, reference, ", \"capture\": \"MANUAL\"" + BUYER));
		return session.path("paymentId").asString();
	}

}
