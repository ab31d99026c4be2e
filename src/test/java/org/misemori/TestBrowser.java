package org.misemori;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen, for tests over real HTTP: keeps cookies, does not follow
 * redirects (tests look at them), and posts forms with the page's CSRF token.
 */
public final class TestBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final int port;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private HttpResponse<String> lastPage;

	public TestBrowser(int port) {
		this.port = port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request(path).header("Accept", "text/html").build(),
				BodyHandlers.ofString());
		if (response.statusCode() == 200) {
			lastPage = response;
		}
		return response;
	}

	/** Posts a form with the CSRF token of the page fetched last. */
	public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
		return post(path, List.copyOf(form.entrySet()));
	}

	/** Posts a form whose fields may repeat (one per cart line, say), with the page's CSRF token. */
	public HttpResponse<String> post(String path, List<Map.Entry<String, String>> form)
			throws IOException, InterruptedException {
		String body = form
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		String csrf = "_csrf=" + URLEncoder.encode(csrfToken(), StandardCharsets.UTF_8);
		HttpResponse<String> response = http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body.isEmpty() ? csrf : body + "&" + csrf))
			.build(), BodyHandlers.ofString());
		if (response.statusCode() == 200) {
			lastPage = response;
		}
		return response;
	}

	/**
	 * Posts a multipart form (one file, plus text fields) with the page's CSRF token, as a
	 * browser's file upload does. {@code fileName} and {@code contentType} are whatever the
	 * client claims; tests use that to show the server does not believe them.
	 */
	public HttpResponse<String> postFile(String path, Map<String, String> fields, String fileField, String fileName,
			String contentType, byte[] content) throws IOException, InterruptedException {
		String boundary = "----misemori-test-" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		Map<String, String> all = new java.util.LinkedHashMap<>(fields);
		all.put("_csrf", csrfToken());
		for (Map.Entry<String, String> field : all.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), BodyHandlers.ofString());
		if (response.statusCode() == 200 || response.statusCode() == 400) {
			lastPage = response;
		}
		return response;
	}

	/**
	 * Uploads a CSV file as a browser's multipart form does, with the other fields and the
	 * CSRF token of the page fetched last.
	 */
	public HttpResponse<String> postCsv(String path, String fileName, byte[] file, Map<String, String> fields)
			throws IOException, InterruptedException {
		return postFile(path, fields, "file", fileName, "text/csv", file);
	}

	/** A GET whose body is kept as bytes: a downloaded file. */
	public HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
		return http.send(request(path).build(), BodyHandlers.ofByteArray());
	}

	public Optional<String> cookie(String name) {
		return cookies.getCookieStore()
			.get(URI.create("http://localhost:" + port))
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	public static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	public static String find(Pattern pattern, HttpResponse<String> page) {
		Matcher matcher = pattern.matcher(page.body());
		if (!matcher.find()) {
			throw new AssertionError("No " + pattern + " in " + page.uri() + ":\n" + page.body());
		}
		return matcher.group(1);
	}

	/** The value of a hidden field on the page fetched last. */
	public String lastPageField(String name) {
		return find(Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\""), lastPage);
	}

	private String csrfToken() {
		if (lastPage == null) {
			throw new AssertionError("No page fetched yet to take a CSRF token from");
		}
		return find(CSRF, lastPage);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

}
