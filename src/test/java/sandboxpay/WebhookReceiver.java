package sandboxpay;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/** A merchant's webhook endpoint for tests: records every POST and can be told to fail the next N. */
final class WebhookReceiver implements AutoCloseable {

	record Delivery(String signature, String body, Instant at) {

	}

	private final HttpServer server;

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	WebhookReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hooks", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Sandbox-Pay-Signature"), body,
						Instant.now()));
			}
			int status = failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? 500 : 204;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
	}

	void failNext(int count) {
		failuresLeft.set(count);
	}

	List<Delivery> deliveries() {
		return List.copyOf(deliveries);
	}

	/** Waits until {@code count} deliveries match, or fails the test after the timeout. */
	List<Delivery> await(Predicate<Delivery> matching, int count, Duration timeout) throws InterruptedException {
		Instant end = Instant.now().plus(timeout);
		while (Instant.now().isBefore(end)) {
			List<Delivery> found = deliveries.stream().filter(matching).toList();
			if (found.size() >= count) {
				return found;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("expected " + count + " matching webhook deliveries within " + timeout + ", saw "
				+ deliveries.stream().filter(matching).count() + " of " + deliveries.size());
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
