package org.misemori.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded PostgreSQL when no {@code spring.datasource.url} is configured, and
 * points Spring's ordinary datasource, Flyway and the cross-shop properties at it. Done this
 * early so that everything after it (Boot's DataSource, Flyway) is the same code in both
 * modes, and the embedded server is up before any bean asks for a connection.
 */
class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String DATA_DIR = "misemori.data-dir";

	static final String EPHEMERAL = "misemori.database.embedded.ephemeral";

	private final Log log;

	/** Logging is not set up yet this early: Boot replays a deferred log once it is. */
	EmbeddedDatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EmbeddedDatabaseEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")) {
			return;
		}
		EmbeddedDatabase database = start(environment);
		Map<String, Object> properties = new LinkedHashMap<>(database.connectionProperties());
		// Other data (the master keyset) lives beside the database, in the same directory.
		properties.put(DATA_DIR, database.dataDirectory().toString());
		environment.getPropertySources().addFirst(new MapPropertySource("misemoriEmbeddedDatabase", properties));
		application.addInitializers(context -> context.addApplicationListener(new StopOnClose(database, log)));
	}

	private EmbeddedDatabase start(ConfigurableEnvironment environment) {
		try {
			boolean ephemeral = environment.getProperty(EPHEMERAL, Boolean.class, false);
			Path dataDirectory = ephemeral ? Files.createTempDirectory("misemori-test-")
					: Path.of(environment.getProperty(DATA_DIR, "./data")).toAbsolutePath().normalize();
			EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, ephemeral, log);
			log.info("Embedded PostgreSQL running on data directory " + dataDirectory);
			return database;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded PostgreSQL did not start: " + ex.getMessage(), ex);
		}
	}

	@Override
	public int getOrder() {
		// After the config-data processor, so application.properties and MISEMORI_DATA_DIR are visible.
		return Ordered.LOWEST_PRECEDENCE;
	}

	private record StopOnClose(EmbeddedDatabase database, Log log) implements ApplicationListener<ContextClosedEvent> {

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			try {
				database.close();
			}
			catch (IOException ex) {
				log.warn("The embedded PostgreSQL did not stop cleanly: " + ex.getMessage());
			}
		}

	}

}
