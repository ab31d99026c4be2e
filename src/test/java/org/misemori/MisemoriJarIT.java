package org.misemori;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged jar as an operator runs it: a real JVM, a real embedded PostgreSQL, real
 * ports. These are the promises of the first five minutes, which no in-process test sees:
 * the start without configuration, the data directory lock and the one-line failures.
 */
class MisemoriJarIT {

	private static final Pattern SETUP_LINK = Pattern
		.compile("^http://localhost:\\d+(/operator/setup\\?token=[A-Za-z0-9_-]{43})$", Pattern.MULTILINE);

	private static final String UNREACHABLE_URL = "jdbc:postgresql://127.0.0.1:1/misemori";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<RunningMisemori> launched = new ArrayList<>();

	@TempDir
	Path temp;

	@AfterEach
	void stopEverythingLaunched() {
		// Reverse order: a refused second instance never owns the data directory's PostgreSQL.
		for (int i = launched.size() - 1; i >= 0; i--) {
			launched.get(i).stop();
		}
	}

	@Test
	void startsOnTheEmbeddedDefaultAndServesTheTour() throws Exception {
		RunningMisemori misemori = launch(temp.resolve("data"), "tour");
		long launchToUp = awaitUp(misemori);
		System.out.println("MISEMORI_LAUNCH_TO_UP_MS=" + launchToUp);

		assertOk(misemori, "/s/demo/", "店守デモ商店");
		assertOk(misemori, "/s/demo/policies/legal-notice", "特定商取引法に基づく表記");
		assertOk(misemori, "/operator/login", "");
		assertThat(misemori.setupLinks()).hasSize(1);
		assertOk(misemori, misemori.setupLinks().get(0), "");
	}

	@Test
	void dataSurvivesARestart() throws Exception {
		Path data = temp.resolve("data");
		RunningMisemori first = launch(data, "first");
		awaitUp(first);
		List<String> firstLinks = first.setupLinks();
		first.stop();
		RunningMisemori second = launch(data, "second");
		awaitUp(second);

		assertOk(second, "/s/demo/", "店守デモ商店");
		assertThat(first.output()).contains("Seeded the demo shop");
		assertThat(second.output()).doesNotContain("Seeded the demo shop");
		assertThat(firstLinks).hasSize(1);
		assertThat(second.setupLinks()).hasSize(1).doesNotContainAnyElementsOf(firstLinks);
	}

	@Test
	void startsAgainAfterBeingKilled() throws Exception {
		Path data = temp.resolve("data");
		RunningMisemori killed = launch(data, "killed");
		awaitUp(killed);
		// kill -9: no shutdown hook runs, so the embedded PostgreSQL is left running on the directory.
		killed.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		RunningMisemori restarted = launch(data, "restarted");
		awaitUp(restarted);

		assertOk(restarted, "/s/demo/", "店守デモ商店");
		assertThat(restarted.output()).contains("is still running (pid").contains("stopping it before starting again");
	}

	@Test
	void secondInstanceOnTheSameDataDirectoryIsRefused() throws Exception {
		Path data = temp.resolve("data");
		RunningMisemori first = launch(data, "first");
		awaitUp(first);
		RunningMisemori second = launch(data, "second");

		assertThat(second.awaitExit()).isNotZero();
		assertThat(second.output()).contains("Another Misemori is already running on the data directory")
			.as("a failure analysis, not a stack trace")
			.doesNotContain("\tat org.");
		assertThat(isUp(first)).isTrue();
	}

	@Test
	void unreachableConfiguredDatabaseFailsWithOneClearLine() throws Exception {
		RunningMisemori misemori = launch(temp.resolve("data"), "unreachable",
				"--spring.datasource.url=" + UNREACHABLE_URL, "--spring.datasource.username=x",
				"--spring.flyway.user=x");

		assertThat(misemori.awaitExit()).isNotZero();
		List<String> lines = misemori.output()
			.lines()
			.filter(line -> line.contains("Cannot connect to the database at " + UNREACHABLE_URL))
			.toList();
		assertThat(lines).as(misemori.output()).hasSize(1);
		assertThat(lines.get(0)).contains("SPRING_DATASOURCE_URL");
	}

	@Test
	void aLostMasterKeyStopsTheStartInsteadOfBeingReplaced() throws Exception {
		Path data = temp.resolve("data");
		RunningMisemori first = launch(data, "first");
		awaitUp(first);
		first.stop();
		Files.delete(data.resolve("keys/master-keyset.json"));

		RunningMisemori second = launch(data, "no-key");
		assertThat(second.awaitExit()).isNotZero();
		assertThat(second.output()).contains("master-keyset.json is missing")
			.contains("never falls back to storing or showing plaintext")
			.as("a failure analysis, not a stack trace")
			.doesNotContain("\tat org.");
		assertThat(data.resolve("keys/master-keyset.json")).as("no new key beside data it could never open")
			.doesNotExist();
	}

	@Test
	void verifiesTheAuditChainFromTheCommandLine() throws Exception {
		RunningMisemori verification = launch(temp.resolve("data"), "verify-audit", "--verify-audit-chain");

		assertThat(verification.awaitExit()).as(verification.output()).isZero();
		assertThat(verification.output()).containsPattern("INTACT\\. Audit chain: [1-9][0-9]* entries verified");
	}

	/**
	 * Rotates the demo shop's field keys (its 24 members are sealed) from the command line. Takes
	 * about 90 s by design: the old keys go only once every node's cached copy has expired.
	 */
	@Test
	void rotatesAShopsKeysFromTheCommandLine() throws Exception {
		RunningMisemori rotation = launch(temp.resolve("data"), "rotate-keys", "--rotate-shop-keys=demo");

		assertThat(rotation.awaitExit(180)).as(rotation.output()).isZero();
		assertThat(rotation.output()).contains("Rotating the field keys of shop demo")
			.containsPattern("DONE\\. [1-9][0-9]*/[1-9][0-9]* rows re-encrypted \\(100%\\)")
			.doesNotContain("@example.jp");

		RunningMisemori unknown = launch(temp.resolve("data"), "rotate-unknown", "--rotate-shop-keys=no-such-shop");
		assertThat(unknown.awaitExit()).as(unknown.output()).isEqualTo(2);
		assertThat(unknown.output()).contains("No shop has the code 'no-such-shop'");
	}

	@Test
	void logsJsonWhenAsked() throws Exception {
		RunningMisemori misemori = launch(temp.resolve("data"), "json", "--logging.structured.format.console=ecs");
		awaitUp(misemori);
		List<String> started = misemori.output().lines().filter(line -> line.contains("Started MisemoriApplication")).toList();
		assertThat(started).hasSize(1);
		assertThat(started.get(0)).startsWith("{").endsWith("}").contains("\"level\":\"INFO\"").contains("\"message\":\"Started MisemoriApplication");
	}

	@Test
	void runsOnANewerJdk() throws Exception {
		Optional<Path> newer = newerJava();
		assumeTrue(newer.isPresent(), "no JDK newer than 17 under /usr/lib/jvm");
		RunningMisemori misemori = launchWith(newer.get(), temp.resolve("data"), "newer-jdk");
		awaitUp(misemori);
		assertOk(misemori, "/s/demo/", "店守デモ商店");
		System.out.println("MISEMORI_NEWER_JDK=" + newer.get());
	}

	private RunningMisemori launch(Path dataDir, String name, String... arguments) throws IOException {
		return launchWith(Path.of(System.getProperty("java.home"), "bin", "java"), dataDir, name, arguments);
	}

	/** The newest JDK of a later feature release than this one, if the machine has one. */
	private static Optional<Path> newerJava() throws IOException {
		Path jvms = Path.of("/usr/lib/jvm");
		if (!Files.isDirectory(jvms)) {
			return Optional.empty();
		}
		try (Stream<Path> homes = Files.list(jvms)) {
			return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
				.filter(home -> releaseOf(home) > Runtime.version().feature())
				.max(Comparator.comparingInt(MisemoriJarIT::releaseOf))
				.map(home -> home.resolve("bin/java"));
		}
	}

	private static int releaseOf(Path javaHome) {
		try {
			return Files.readAllLines(javaHome.resolve("release"))
				.stream()
				.filter(line -> line.startsWith("JAVA_VERSION="))
				.map(line -> Integer.parseInt(line.replaceAll("JAVA_VERSION=\"(\\d+).*", "$1")))
				.findFirst()
				.orElse(0);
		}
		catch (IOException | NumberFormatException ex) {
			return 0;
		}
	}

	private RunningMisemori launchWith(Path java, Path dataDir, String name, String... arguments) throws IOException {
		String jar = System.getProperty("misemori.jar");
		assertThat(jar).as("system property misemori.jar, set by the failsafe configuration").isNotBlank();
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar, "--server.port=" + port));
		command.addAll(List.of(arguments));
		Path log = temp.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		// The build's own environment must not configure the app under test: it starts as an operator's would.
		builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("MISEMORI_"));
		builder.environment().put("MISEMORI_DATA_DIR", dataDir.toString());
		long startNanos = System.nanoTime();
		RunningMisemori misemori = new RunningMisemori(builder.start(), port, log, dataDir, startNanos);
		launched.add(misemori);
		return misemori;
	}

	/** Milliseconds from launch until /actuator/health answers UP. */
	private long awaitUp(RunningMisemori misemori) throws InterruptedException {
		long deadline = misemori.startNanos() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (isUp(misemori)) {
				return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - misemori.startNanos());
			}
			if (!misemori.process().isAlive()) {
				fail("Misemori exited before it was UP:%n%s", misemori.output());
			}
			Thread.sleep(100);
		}
		return fail("Misemori was not UP within 120 s:%n%s", misemori.output());
	}

	private boolean isUp(RunningMisemori misemori) throws InterruptedException {
		try {
			HttpResponse<String> health = get(misemori, "/actuator/health");
			return health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"");
		}
		catch (IOException ex) {
			// Not listening yet.
			return false;
		}
	}

	private void assertOk(RunningMisemori misemori, String pathAndQuery, String expectedText) throws Exception {
		HttpResponse<String> response = get(misemori, pathAndQuery);
		assertThat(response.statusCode()).as("GET " + pathAndQuery).isEqualTo(200);
		assertThat(response.body()).as("GET " + pathAndQuery).contains(expectedText);
	}

	private HttpResponse<String> get(RunningMisemori misemori, String pathAndQuery) throws IOException, InterruptedException {
		URI uri = URI.create("http://localhost:" + misemori.port() + pathAndQuery);
		return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private record RunningMisemori(Process process, int port, Path log, Path dataDir, long startNanos) {

		String output() {
			try {
				// Lenient decoding: a half-written last line must not fail the assertion that reads it.
				return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return "(output unreadable: " + ex + ")";
			}
		}

		/**
		 * The path and query of the setup link in the data directory's owner-only file, so that it
		 * is requested on this port; the log says where the file is and never holds the link.
		 */
		List<String> setupLinks() throws IOException {
			Path file = dataDir.resolve("operator-setup-link.txt");
			assertThat(output()).contains("open the one-time link in " + file.toAbsolutePath().normalize())
				.doesNotContain("token=");
			assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
					PosixFilePermission.OWNER_WRITE);
			return SETUP_LINK.matcher(Files.readString(file)).results().map(link -> link.group(1)).toList();
		}

		int awaitExit() throws InterruptedException {
			return awaitExit(60);
		}

		int awaitExit(int seconds) throws InterruptedException {
			if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
				fail("Misemori did not exit within %d s:%n%s", seconds, output());
			}
			return process.exitValue();
		}

		/** Graceful first, so the embedded PostgreSQL shuts down with the JVM; forcibly if that hangs. */
		void stop() {
			try {
				if (process.isAlive()) {
					process.destroy();
					if (!process.waitFor(30, TimeUnit.SECONDS)) {
						process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
						stopOrphanedPostgres();
					}
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}

		/** pg_ctl detaches the postmaster from the JVM, so a killed JVM leaves it running: find it by its pid file. */
		private void stopOrphanedPostgres() {
			try {
				String pid = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim();
				ProcessHandle.of(Long.parseLong(pid))
					.filter(handle -> handle.info().command().map(command -> command.contains("postgres")).orElse(false))
					.ifPresent(ProcessHandle::destroy);
			}
			catch (IOException | RuntimeException ex) {
				// No pid file: PostgreSQL stopped, or never started.
			}
		}

	}

}
