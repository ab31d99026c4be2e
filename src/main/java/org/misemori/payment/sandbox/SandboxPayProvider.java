package org.misemori.payment.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.misemori.payment.OpenedPayment;
import org.misemori.payment.PaymentKind;
import org.misemori.payment.PaymentOpening;
import org.misemori.payment.PaymentProvider;
import org.misemori.payment.PaymentRefused;
import org.misemori.payment.PaymentUnavailable;
import org.misemori.payment.ProviderEvent;
import org.misemori.payment.ProviderPayment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The adapter for the sandbox provider (docs/sandbox-pay.md), and the reference for real ones:
 * a JSON API with a Bearer key, an idempotency key on every change, HMAC-signed webhooks. Bodies
 * are never logged, here or by the HTTP client, so nothing a provider sends ends up in a log.
 */
class SandboxPayProvider implements PaymentProvider {

	static final String NAME = "sandbox";

	private final RestClient api;

	private final JsonMapper json;

	private final WebhookSignature signature;

	private final Clock clock;

	private final String origin;

	SandboxPayProvider(SandboxPaySettings settings, JsonMapper json, Clock clock) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(Duration.ofSeconds(10));
		this.api = RestClient.builder()
			.baseUrl(settings.url().toString())
			.requestFactory(requests)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey())
			.build();
		this.json = json;
		this.signature = new WebhookSignature(settings.webhookSecret());
		this.clock = clock;
		URI url = settings.url();
		this.origin = url.getScheme() + "://" + url.getRawAuthority();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String pageOrigin() {
		return origin;
	}

	@Override
	public boolean offers(PaymentKind kind) {
		return true;
	}

	@Override
	public OpenedPayment open(PaymentOpening opening) {
		JsonNode answer = post("/v1/sessions", "open-" + opening.shopCode() + "-" + opening.reference(),
				SandboxJson.session(opening));
		ProviderPayment payment = SandboxJson.payment(answer.get("payment"));
		return new OpenedPayment(NAME, answer.path("id").asString(), address(answer, "url"), address(answer, "fieldsUrl"),
				payment);
	}

	private static Optional<URI> address(JsonNode answer, String field) {
		JsonNode url = answer.get(field);
		return url == null || url.isNull() ? Optional.empty() : Optional.of(URI.create(url.asString()));
	}

	@Override
	public ProviderPayment fetch(String paymentId) {
		return SandboxJson.payment(call(() -> api.get().uri("/v1/payments/{id}", paymentId).retrieve().body(String.class)));
	}

	@Override
	public ProviderPayment capture(String paymentId, long amount, String idempotencyKey) {
		return SandboxJson.payment(post("/v1/payments/" + paymentId + "/capture", idempotencyKey, Map.of("amount", amount)));
	}

	@Override
	public ProviderPayment cancel(String paymentId, String idempotencyKey) {
		return SandboxJson.payment(post("/v1/payments/" + paymentId + "/cancel", idempotencyKey, Map.of()));
	}

	@Override
	public ProviderPayment refund(String paymentId, long amount, String idempotencyKey) {
		return SandboxJson.payment(post("/v1/payments/" + paymentId + "/refunds", idempotencyKey, Map.of("amount", amount)));
	}

	@Override
	public Optional<ProviderEvent> verify(Map<String, String> headers, byte[] body) {
		if (!signature.verifies(headers.get(WebhookSignature.HEADER), body, clock.instant())) {
			return Optional.empty();
		}
		try {
			return Optional.of(SandboxJson.event(json.readTree(body)));
		}
		catch (RuntimeException malformed) {
			// Signed but not understood: the provider's bug, not a forgery; refused all the same.
			return Optional.empty();
		}
	}

	private JsonNode post(String path, String idempotencyKey, Map<String, Object> body) {
		return call(() -> api.post()
			.uri(path)
			.header("Idempotency-Key", idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json.writeValueAsString(body))
			.retrieve()
			.body(String.class));
	}

	/** Refusals (409) are the caller's to explain; anything else that goes wrong means "unavailable". */
	private JsonNode call(java.util.function.Supplier<String> request) {
		try {
			return json.readTree(request.get());
		}
		catch (HttpClientErrorException.Conflict refused) {
			throw new PaymentRefused("payment.refused", refused.getStatusText());
		}
		catch (HttpClientErrorException.BadRequest | HttpClientErrorException.Unauthorized wrong) {
			throw new IllegalStateException("The sandbox provider refused Misemori's request: " + wrong.getStatusCode());
		}
		catch (RestClientException unreachable) {
			throw new PaymentUnavailable("The sandbox provider did not answer", unreachable);
		}
	}

}
