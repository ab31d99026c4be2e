package org.misemori.payment;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import sandboxpay.SandboxPay;
import sandboxpay.SandboxPayServer;
import sandboxpay.SandboxPaySettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Sandbox Pay running in the test's JVM for a Misemori launched as a process on a known port:
 * it outlives that process (killed or not), and the test holds its API key, so it can read the
 * payments and webhooks through the API and the test hooks.
 */
final class SandboxPayHooks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SandboxPayServer server;

	private final String apiKey;

	private final String webhookSecret;

	private final HttpClient http = HttpClient.newHttpClient();

	private SandboxPayHooks(SandboxPayServer server, String apiKey, String webhookSecret) {
		this.server = server;
		this.apiKey = apiKey;
		this.webhookSecret = webhookSecret;
	}

	/** Webhooks to {@code http://localhost:<misemoriPort>/payments/webhooks/sandbox}, pages returning there only. */
	static SandboxPayHooks start(int misemoriPort, int webhookAttempts) {
		String apiKey = "sk_test_" + random();
		String webhookSecret = "whsec_" + random();
		String misemori = "http://localhost:" + misemoriPort;
		SandboxPayServer server = SandboxPay.start(new SandboxPaySettings(0, "127.0.0.1", apiKey, webhookSecret,
				misemori + "/payments/webhooks/sandbox", List.of(misemori), webhookAttempts));
		return new SandboxPayHooks(server, apiKey, webhookSecret);
	}

	SandboxPayServer server() {
		return server;
	}

	/** The arguments that make a launched Misemori use this provider. */
	List<String> misemoriArguments() {
		return List.of("--misemori.payments.sandbox.url=" + server.baseUrl(),
				"--misemori.payments.sandbox.api-key=" + apiKey, "--misemori.payments.sandbox.webhook-secret=" + webhookSecret);
	}

	/** The provider's payment of a checkout: Misemori names it by {@code ck-} and half the key's SHA-256. */
	JsonNode paymentOfCheckout(String checkoutKey) throws Exception {
		byte[] hash = MessageDigest.getInstance("SHA-256").digest(checkoutKey.getBytes(StandardCharsets.UTF_8));
		String reference = "ck-" + HexFormat.of().formatHex(hash, 0, 16);
		JsonNode payments = get("/v1/payments?merchantReference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8))
			.path("payments");
		assertThat(payments.size()).as("one payment for checkout reference " + reference).isEqualTo(1);
		return payments.get(0);
	}

	JsonNode events(String paymentId) throws Exception {
		return get("/sandbox/payments/" + paymentId + "/events");
	}

	JsonNode resend(String eventId) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/sandbox/events/" + eventId + "/resend"))
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	/** Waits until every event of the checkouts' payments was answered 2xx; returns their bodies. */
	List<String> awaitEveryWebhookDelivered(List<String> checkoutKeys) throws Exception {
		List<String> bodies = new ArrayList<>();
		for (String key : checkoutKeys) {
			String paymentId = paymentOfCheckout(key).path("id").asString();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			JsonNode events = events(paymentId);
			while (!allDelivered(events)) {
				if (System.nanoTime() > deadline) {
					fail("webhooks of %s not delivered: %s", paymentId, events);
				}
				Thread.sleep(200);
				events = events(paymentId);
			}
			events.forEach(event -> bodies.add(event.path("body").asString()));
		}
		return bodies;
	}

	private static boolean allDelivered(JsonNode events) {
		for (JsonNode event : events) {
			if (event.path("deliveries").asInt() < 1) {
				return false;
			}
		}
		return !events.isEmpty();
	}

	private JsonNode get(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET());
	}

	private JsonNode send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + apiKey).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
		return JSON.readTree(response.body());
	}

	private static String random() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
