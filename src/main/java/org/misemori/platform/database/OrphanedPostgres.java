package org.misemori.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;

/**
 * The embedded PostgreSQL a crashed Misemori left behind. pg_ctl detaches the server from the
 * JVM, so a Misemori killed outright (kill -9, a power cut of the JVM alone) leaves it running
 * on the data directory, and the next start would fail on its lock file. Only called while
 * holding the data directory's lock: no live Misemori owns this server, so it is stopped
 * (SIGTERM, PostgreSQL's smart shutdown, immediate once its dead clients' connections are gone;
 * committed work is on disk) before the new start. A pid that is not a postgres process is left alone: the lock file is
 * stale, and PostgreSQL itself recognises and replaces it.
 */
final class OrphanedPostgres {

	private OrphanedPostgres() {
	}

	/**
	 * {@code log} is the environment post-processor's deferred log: this runs before logging is
	 * set up, when Boot's Logback denies every event, so a logger of its own would say nothing.
	 */
	static void stopIfRunning(Path postgresDirectory, Log log) throws IOException {
		Optional<ProcessHandle> orphan = serverOf(postgresDirectory);
		if (orphan.isEmpty()) {
			return;
		}
		log.warn("The embedded PostgreSQL of a previous Misemori on this data directory is still running (pid "
				+ orphan.get().pid() + "): stopping it before starting again");
		ProcessHandle server = orphan.get();
		server.destroy();
		try {
			server.onExit().get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while stopping the previous embedded PostgreSQL", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IOException("The previous embedded PostgreSQL (pid " + server.pid() + ") did not stop", ex);
		}
	}

	private static Optional<ProcessHandle> serverOf(Path postgresDirectory) throws IOException {
		Path pidFile = postgresDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() < 2 || !lines.get(0).strip().matches("\\d{1,10}")) {
			return Optional.empty();
		}
		// The second line is the data directory the server runs on: it must be this one.
		Path runsOn = Path.of(lines.get(1).strip());
		if (!Files.isDirectory(runsOn) || !Files.isSameFile(runsOn, postgresDirectory)) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
			.filter(ProcessHandle::isAlive)
			.filter(handle -> handle.info().command().map(command -> command.endsWith("postgres")).orElse(false));
	}

}
