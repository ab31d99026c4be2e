package sandboxpay.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key}: the first request with a key runs and its answer is kept; the same key
 * with the same method, path and body gets that answer again, even while the first is still
 * running; the same key with anything else is refused (409). Failures are not kept, so a retry
 * after one runs again.
 */
@Component
class Idempotency {

	static final int MAX_KEY = 255;

	record Answer(int status, String body) {

		ResponseEntity<String> toResponse() {
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
		}

	}

	private record Entry(String fingerprint, CompletableFuture<Answer> answer) {

	}

	/** A reused key whose request differs from the first: {@code 409 idempotency_conflict}. */
	static final class Conflict extends RuntimeException {

		Conflict() {
			super("idempotency key reused with another request", null, false, false);
		}

	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	ResponseEntity<String> once(String key, String method, String path, String body, Supplier<Answer> work) {
		if (key == null || key.isBlank()) {
			return work.get().toResponse();
		}
		if (key.length() > MAX_KEY) {
			throw new BadRequest("Idempotency-Key", "Idempotency-Key is longer than " + MAX_KEY + " characters");
		}
		String fingerprint = sha256(method + " " + path + "\n" + (body == null ? "" : body));
		Entry mine = new Entry(fingerprint, new CompletableFuture<>());
		Entry existing = entries.putIfAbsent(key, mine);
		if (existing == null) {
			return run(key, mine, work);
		}
		if (!existing.fingerprint().equals(fingerprint)) {
			throw new Conflict();
		}
		return awaitOrRun(key, method, path, body, work, existing);
	}

	static Answer answer(HttpStatus status, String body) {
		return new Answer(status.value(), body);
	}

	private ResponseEntity<String> run(String key, Entry mine, Supplier<Answer> work) {
		try {
			Answer answer = work.get();
			mine.answer().complete(answer);
			return answer.toResponse();
		}
		catch (RuntimeException ex) {
			entries.remove(key, mine);
			mine.answer().completeExceptionally(ex);
			throw ex;
		}
	}

	private ResponseEntity<String> awaitOrRun(String key, String method, String path, String body,
			Supplier<Answer> work, Entry existing) {
		try {
			return existing.answer().get(30, TimeUnit.SECONDS).toResponse();
		}
		catch (ExecutionException ex) {
			// The first attempt failed and was forgotten: this one runs afresh.
			return once(key, method, path, body, work);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("the first request with this Idempotency-Key is still running");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted");
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
