package org.misemori.payment.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.context.ApplicationContext;

/**
 * The Sandbox Pay that runs beside Misemori in the test context: its address, its test hooks
 * (called with the merchant's key, as the docs say), and webhook signatures made with its
 * secret, for tests that send Misemori events of their own.
 */
public final class SandboxPayFixture {

	private final HttpClient http = HttpClient.newHttpClient();

	private final SandboxPaySettings settings;

	private final WebhookSignature signature;

	public SandboxPayFixture(ApplicationContext context) {
		this.settings = context.getBean(EmbeddedSandboxPay.class).settings();
		this.signature = new WebhookSignature(settings.webhookSecret());
	}

	public String baseUrl() {
		return settings.url().toString();
	}

	/** POSTs {@code json} to a test hook or API path of the provider. */
	public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return http.send(request(path).header("Content-Type", "application/json")
			.header("Idempotency-Key", "test-" + System.nanoTime())
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The header a genuine event signed now would carry. */
	public String signatureFor(String body) {
		return signatureFor(body, Instant.now());
	}

	public String signatureFor(String body, Instant signedAt) {
		String t = Long.toString(signedAt.getEpochSecond());
		return "t=" + t + ",v1=" + HexFormat.of().formatHex(signature.sign(t, body.getBytes(StandardCharsets.UTF_8)));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + settings.apiKey());
	}

}
