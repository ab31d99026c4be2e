package org.misemori.platform.database;

import java.io.Closeable;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;

/**
 * The embedded default: a real PostgreSQL server (zonky's binaries from Maven Central) whose
 * data lives under the data directory and survives restarts. It creates the owner role and
 * the database; Flyway's migrations, run as that owner, create everything else, exactly as
 * they would on an external PostgreSQL.
 */
final class EmbeddedDatabase implements Closeable {

	static final String DATABASE = "misemori";

	static final String OWNER_ROLE = "misemori_owner";

	private final Path dataDirectory;

	private final boolean ephemeral;

	private final DataDirectoryLock lock;

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(Path dataDirectory, boolean ephemeral, DataDirectoryLock lock, EmbeddedPostgres postgres) {
		this.dataDirectory = dataDirectory;
		this.ephemeral = ephemeral;
		this.lock = lock;
		this.postgres = postgres;
	}

	static EmbeddedDatabase start(Path dataDirectory, boolean ephemeral, Log log) throws IOException {
		Files.createDirectories(dataDirectory);
		restrictToOwner(dataDirectory);
		DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory);
		try {
			OrphanedPostgres.stopIfRunning(dataDirectory.resolve("postgres"), log);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory.resolve("postgres"))
				.setCleanDataDirectory(false)
				// The embedded server trusts local connections: it must not listen beyond loopback.
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("timezone", "UTC")
				.setOutputRedirector(Redirect.appendTo(dataDirectory.resolve("postgres.log").toFile()))
				.setErrorRedirector(Redirect.appendTo(dataDirectory.resolve("postgres.log").toFile()))
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			createOwnerAndDatabase(postgres);
			return new EmbeddedDatabase(dataDirectory, ephemeral, lock, postgres);
		}
		catch (IOException | RuntimeException ex) {
			lock.close();
			throw ex;
		}
	}

	/** Spring properties that point the application, Flyway and the cross-shop path here. */
	Map<String, Object> connectionProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE);
		properties.put("spring.datasource.username", "misemori_app");
		properties.put("spring.datasource.password", "");
		properties.put("spring.flyway.user", OWNER_ROLE);
		properties.put("spring.flyway.password", "");
		properties.put("misemori.database.operator-username", "misemori_operator");
		properties.put("misemori.database.operator-password", "");
		properties.put("misemori.database.embedded", "true");
		return properties;
	}

	Path dataDirectory() {
		return dataDirectory;
	}

	@Override
	public void close() throws IOException {
		try {
			postgres.close();
		}
		finally {
			lock.close();
			if (ephemeral) {
				deleteRecursively(dataDirectory);
			}
		}
	}

	private static void createOwnerAndDatabase(EmbeddedPostgres postgres) throws IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			// Fixed identifiers only: nothing here comes from input.
			statement.execute("""
					DO $$ BEGIN
					  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'misemori_owner') THEN
					    CREATE ROLE misemori_owner LOGIN CREATEROLE;
					  END IF;
					END $$""");
			try (var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'misemori'")) {
				if (!exists.next()) {
					statement.execute("CREATE DATABASE misemori OWNER misemori_owner ENCODING 'UTF8' TEMPLATE template0");
				}
			}
		}
		catch (SQLException ex) {
			throw new IOException("Could not prepare the embedded PostgreSQL: " + ex.getMessage(), ex);
		}
	}

	private static void restrictToOwner(Path directory) throws IOException {
		try {
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): its ACLs are left as the user set them.
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
