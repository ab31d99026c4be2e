package org.misemori.payment;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged jar (failsafe's {@code misemori.jar}) as a real process on a data directory of
 * the test's, as {@code MisemoriJarIT} launches it: the build's own SPRING_/MISEMORI_ variables
 * removed, so it starts as an operator's would, with only the arguments a test gives.
 */
final class LaunchedMisemori {

	private final Process process;

	private final int port;

	private final Path console;

	private final Path dataDir;

	private LaunchedMisemori(Process process, int port, Path console, Path dataDir) {
		this.process = process;
		this.port = port;
		this.console = console;
		this.dataDir = dataDir;
	}

	/** Launches on {@code port} and waits until /actuator/health answers UP. */
	static LaunchedMisemori launch(Path dataDir, int port, Path console, List<String> arguments)
			throws IOException, InterruptedException {
		String jar = System.getProperty("misemori.jar");
		if (jar == null || jar.isBlank()) {
			fail("system property misemori.jar, set by the failsafe configuration, is missing");
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar, "--server.port=" + port));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
		builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("MISEMORI_"));
		builder.environment().put("MISEMORI_DATA_DIR", dataDir.toString());
		LaunchedMisemori misemori = new LaunchedMisemori(builder.start(), port, console, dataDir);
		misemori.awaitUp();
		return misemori;
	}

	/** Keeps a launched process's console beside failsafe's reports, where a failure can be read after the run. */
	static void keepConsole(Path console, String testName) {
		try {
			if (Files.exists(console)) {
				Path reports = Files.createDirectories(Path.of("target", "failsafe-reports"));
				Files.copy(console, reports.resolve(testName + "-misemori-console.log"),
						java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			// Only a convenience for reading failures.
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	String origin() {
		return "http://localhost:" + port;
	}

	int port() {
		return port;
	}

	String console() {
		try {
			return new String(Files.readAllBytes(console), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(console unreadable: " + ex + ")";
		}
	}

	/** The data directory's PostgreSQL as its superuser: the embedded server trusts local connections. */
	Connection asSuperuser() throws IOException, SQLException {
		// postmaster.pid: pid, data directory, start time, port, …
		String postgresPort = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).strip();
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/misemori", "postgres", "");
	}

	/** SIGTERM: Spring closes, the embedded PostgreSQL is shut down cleanly, the logs are flushed. */
	void stop() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
				fail("Misemori did not stop within 60 s of SIGTERM:%n%s", console());
			}
		}
	}

	/** kill -9: no shutdown hook runs; the embedded PostgreSQL is left running on the data directory. */
	void kill() throws InterruptedException {
		process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	boolean alive() {
		return process.isAlive();
	}

	/** For {@code @AfterEach}: whatever state the test left it in, nothing keeps running. */
	void stopQuietly() {
		try {
			if (process.isAlive()) {
				process.destroy();
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private void awaitUp() throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(origin() + "/actuator/health"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"")) {
					return;
				}
			}
			catch (IOException notYet) {
				// Not listening yet.
			}
			if (!process.isAlive()) {
				fail("Misemori exited before it was UP:%n%s", console());
			}
			Thread.sleep(200);
		}
		fail("Misemori was not UP within 180 s:%n%s", console());
	}

}
