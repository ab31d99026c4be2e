package sandboxpay.payments;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The one merchant account of this instance (the platform), from the {@code sandboxpay.*} settings. */
@Component
public class Account {

	private final String apiKey;

	private final String webhookSecret;

	private final String webhookUrl;

	private final List<String> allowedReturnOrigins;

	private final int webhookAttempts;

	Account(@Value("${sandboxpay.api-key}") String apiKey, @Value("${sandboxpay.webhook-secret}") String webhookSecret,
			@Value("${sandboxpay.webhook-url:}") String webhookUrl,
			@Value("${sandboxpay.allowed-return-origins:}") String allowedReturnOrigins,
			@Value("${sandboxpay.webhook-attempts:8}") int webhookAttempts) {
		this.apiKey = apiKey;
		this.webhookSecret = webhookSecret;
		this.webhookUrl = webhookUrl.isBlank() ? null : webhookUrl;
		this.allowedReturnOrigins = Arrays.stream(allowedReturnOrigins.split(","))
			.map(String::strip)
			.filter(origin -> !origin.isEmpty())
			.map(Account::originOf)
			.filter(Objects::nonNull)
			.toList();
		this.webhookAttempts = webhookAttempts;
	}

	public String apiKey() {
		return apiKey;
	}

	public String webhookSecret() {
		return webhookSecret;
	}

	/** Null: events are recorded but not delivered. */
	public String webhookUrl() {
		return webhookUrl;
	}

	public int webhookAttempts() {
		return webhookAttempts;
	}

	public List<String> allowedReturnOrigins() {
		return allowedReturnOrigins;
	}

	/** Only absolute http(s) URLs whose origin is on the list: anything else would be an open redirect. */
	public boolean allowsUrl(String url) {
		String origin = originOf(url);
		return origin != null && allowedReturnOrigins.contains(origin);
	}

	/** {@code scheme://host[:port]} in lower case, or null when the text is not an absolute http(s) URL. */
	public static String originOf(String url) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
					|| uri.getRawUserInfo() != null) {
				return null;
			}
			return scheme + "://" + uri.getHost().toLowerCase() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
		}
		catch (Exception ex) {
			return null;
		}
	}

}
