package org.misemori.payment;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A shopper's browser over real HTTP, without JavaScript: keeps cookies, follows no redirect by
 * itself, posts Misemori's forms with the page's CSRF token. It writes down, apart, everything
 * Misemori's origin served (status line, every header, the body) and everything exchanged with
 * the provider's origin (what was sent there too: the card forms), for the no-card-data scan.
 */
final class RecordingBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String misemoriAuthority;

	private final List<String> fromMisemori = new CopyOnWriteArrayList<>();

	private final List<String> withProvider = new CopyOnWriteArrayList<>();

	private String csrfToken = "";

	RecordingBrowser(String misemoriOrigin) {
		this.misemoriAuthority = URI.create(misemoriOrigin).getRawAuthority();
	}

	HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), "");
	}

	/** Posts a form; to Misemori with the CSRF token of the last Misemori page, as its forms carry it. */
	HttpResponse<String> post(String url, List<Map.Entry<String, String>> fields) throws IOException, InterruptedException {
		String body = fields.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		if (isMisemori(URI.create(url))) {
			body = (body.isEmpty() ? "" : body + "&") + "_csrf=" + encode(csrfToken);
		}
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), body);
	}

	HttpResponse<String> post(String url, Map<String, String> fields) throws IOException, InterruptedException {
		return post(url, List.copyOf(fields.entrySet()));
	}

	/** Follows a response's redirects (GET, on any origin) to the first page that is not one. */
	HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
		HttpResponse<String> page = response;
		for (int hops = 0; isRedirect(page) && hops < 10; hops++) {
			page = get(location(page).toString());
		}
		return page;
	}

	/** Follows redirects only while they stay on the provider's origin (its own PRG steps). */
	HttpResponse<String> followOnProvider(HttpResponse<String> response) throws IOException, InterruptedException {
		HttpResponse<String> page = response;
		while (isRedirect(page) && !isMisemori(location(page))) {
			page = get(location(page).toString());
		}
		return page;
	}

	static boolean isRedirect(HttpResponse<String> response) {
		return response.statusCode() / 100 == 3;
	}

	static URI location(HttpResponse<String> response) {
		return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
	}

	/** The absolute action of the page's form whose action ends with {@code suffix}. */
	static String formAction(HttpResponse<String> page, String suffix) {
		Matcher matcher = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(page.body());
		while (matcher.find()) {
			String action = matcher.group(1).replace("&amp;", "&");
			if (action.endsWith(suffix) || action.contains(suffix + "?")) {
				return page.uri().resolve(action).toString();
			}
		}
		throw new AssertionError("no form posting to …" + suffix + " on " + page.uri() + ":\n" + page.body());
	}

	boolean isMisemori(URI uri) {
		return misemoriAuthority.equals(uri.getRawAuthority());
	}

	/** Every response of Misemori's origin: status line, headers and body. */
	List<String> fromMisemori() {
		return List.copyOf(fromMisemori);
	}

	/** Every request sent to and response received from any other origin (the provider's). */
	List<String> withProvider() {
		return List.copyOf(withProvider);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String sentBody)
			throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request.header("Accept", "text/html,*/*;q=0.8")
			.header("Accept-Language", "ja")
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		String recorded = "HTTP " + response.statusCode() + " " + response.uri() + "\n"
				+ response.headers().map().entrySet().stream()
					// The body's length is the server's count of bytes, not data: a length of 8264
					// once matched the test's security code 8264.
					.filter(h -> !h.getKey().equalsIgnoreCase("content-length"))
					.map(h -> h.getKey() + ": " + String.join(",", h.getValue()))
					.collect(Collectors.joining("\n"))
				+ "\n\n" + response.body();
		if (isMisemori(response.uri())) {
			fromMisemori.add(recorded);
			Matcher csrf = CSRF.matcher(response.body());
			if (csrf.find()) {
				csrfToken = csrf.group(1);
			}
		}
		else {
			withProvider.add("SENT " + response.uri() + "\n" + sentBody + "\n" + recorded);
		}
		return response;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
