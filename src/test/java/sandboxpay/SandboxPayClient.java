package sandboxpay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merchant's side of the API over real HTTP, for tests. Keeps every body it saw so a test can
 * prove that no card number or security code ever came back.
 */
final class SandboxPayClient {

	record Answer(int status, String body, JsonNode json) {

	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private final String apiKey;

	private final List<String> seen = new CopyOnWriteArrayList<>();

	SandboxPayClient(String baseUrl, String apiKey) {
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
	}

	Answer get(String path) throws IOException, InterruptedException {
		return send(request(path).GET().build());
	}

	Answer post(String path, String body) throws IOException, InterruptedException {
		return post(path, body, null);
	}

	Answer post(String path, String body, String idempotencyKey) throws IOException, InterruptedException {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body, StandardCharsets.UTF_8));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(request.build());
	}

	Answer withKey(String key, String path, String body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build());
	}

	List<String> seenBodies() {
		return List.copyOf(seen);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + apiKey);
	}

	private Answer send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		seen.add(response.body());
		JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
		return new Answer(response.statusCode(), response.body(), json);
	}

}
