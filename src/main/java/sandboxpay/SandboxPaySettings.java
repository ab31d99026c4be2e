package sandboxpay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one Sandbox Pay instance is configured: one merchant account (the platform) per instance.
 *
 * @param port the TCP port, 0 for any free one (tests)
 * @param bindAddress the address to listen on; loopback by default, a sandbox has no business on a network
 * @param apiKey the merchant's secret API key (Bearer token)
 * @param webhookSecret the key of the webhook signatures
 * @param webhookUrl where events are POSTed, or null to record them without delivering
 * @param allowedReturnOrigins origins that returnUrl, cancelUrl and embedOrigin may name
 * @param webhookAttempts how many times one event is tried before delivery gives up
 */
public record SandboxPaySettings(int port, String bindAddress, String apiKey, String webhookSecret, String webhookUrl,
		List<String> allowedReturnOrigins, int webhookAttempts) {

	public static final int DEFAULT_WEBHOOK_ATTEMPTS = 8;

	public SandboxPaySettings {
		Objects.requireNonNull(apiKey, "apiKey");
		Objects.requireNonNull(webhookSecret, "webhookSecret");
		if (apiKey.length() < 16 || webhookSecret.length() < 16) {
			throw new IllegalArgumentException("The API key and the webhook secret need at least 16 characters");
		}
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be 0..65535");
		}
		if (webhookAttempts < 1) {
			throw new IllegalArgumentException("webhookAttempts must be at least 1");
		}
		bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress;
		allowedReturnOrigins = List.copyOf(allowedReturnOrigins == null ? List.of() : allowedReturnOrigins);
	}

	/** Loopback, any free port, no webhook URL, the default number of attempts. */
	public static SandboxPaySettings of(String apiKey, String webhookSecret, List<String> allowedReturnOrigins) {
		return new SandboxPaySettings(0, null, apiKey, webhookSecret, null, allowedReturnOrigins,
				DEFAULT_WEBHOOK_ATTEMPTS);
	}

	public SandboxPaySettings withPort(int port) {
		return new SandboxPaySettings(port, bindAddress, apiKey, webhookSecret, webhookUrl, allowedReturnOrigins,
				webhookAttempts);
	}

	public SandboxPaySettings withWebhookUrl(String webhookUrl) {
		return new SandboxPaySettings(port, bindAddress, apiKey, webhookSecret, webhookUrl, allowedReturnOrigins,
				webhookAttempts);
	}

	public SandboxPaySettings withWebhookAttempts(int webhookAttempts) {
		return new SandboxPaySettings(port, bindAddress, apiKey, webhookSecret, webhookUrl, allowedReturnOrigins,
				webhookAttempts);
	}

	/** The settings as the {@code sandboxpay.*} and {@code server.*} properties the context reads. */
	Map<String, Object> asProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", port);
		properties.put("server.address", bindAddress);
		properties.put("sandboxpay.api-key", apiKey);
		properties.put("sandboxpay.webhook-secret", webhookSecret);
		properties.put("sandboxpay.webhook-url", webhookUrl == null ? "" : webhookUrl);
		properties.put("sandboxpay.allowed-return-origins", String.join(",", allowedReturnOrigins));
		properties.put("sandboxpay.webhook-attempts", webhookAttempts);
		return properties;
	}

	@Override
	public String toString() {
		// Never print the key or the secret, even from a debugger or a failed assertion.
		return "SandboxPaySettings[port=" + port + ", bindAddress=" + bindAddress + ", webhookUrl=" + webhookUrl
				+ ", allowedReturnOrigins=" + allowedReturnOrigins + ", webhookAttempts=" + webhookAttempts + "]";
	}

}
