package sandboxpay;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A shopper's browser over real HTTP, without JavaScript (the pages need none): it opens pages,
 * submits their forms to the action the page names, and follows redirects itself, so a test can
 * see where the provider sends it. Every page it saw is kept for the no-card-data check.
 */
public final class Shopper {

	public record Page(int status, URI uri, String body, HttpResponse<String> response) {

		public String header(String name) {
			return response.headers().firstValue(name).orElse(null);
		}

		/** The action of the page's form whose action ends with {@code suffix}. */
		public URI formAction(String suffix) {
			Matcher matcher = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(body);
			while (matcher.find()) {
				String action = matcher.group(1).replace("&amp;", "&");
				if (action.endsWith(suffix)) {
					return uri.resolve(action);
				}
			}
			throw new AssertionError("no form posting to …" + suffix + " on " + uri + ":\n" + body);
		}

		public boolean redirect() {
			return status == 302 || status == 303;
		}

		public URI location() {
			return uri.resolve(header("Location"));
		}

	}

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final List<String> seen = new CopyOnWriteArrayList<>();

	private final String language;

	public Shopper(String language) {
		this.language = language;
	}

	public Page open(String url) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.header("Accept-Language", language)
			.GET()
			.build());
	}

	/** Submits a form; a redirect to the provider's own pages is followed, one anywhere else is returned. */
	public Page submit(URI action, Map<String, String> fields) throws IOException, InterruptedException {
		String form = fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		Page page = send(HttpRequest.newBuilder(action)
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.header("Accept-Language", language)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		while (page.redirect() && page.location().getAuthority().equals(action.getAuthority())) {
			page = open(page.location().toString());
		}
		return page;
	}

	public static Map<String, String> card(String number, String expiry, String code) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("number", number);
		fields.put("expiry", expiry);
		fields.put("code", code);
		fields.put("holder", "HANAKO YAMADA");
		return fields;
	}

	public List<String> seenBodies() {
		return List.copyOf(seen);
	}

	private Page send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		seen.add(response.body());
		response.headers().map().values().forEach(values -> seen.add(String.join(",", values)));
		return new Page(response.statusCode(), request.uri(), response.body(), response);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
