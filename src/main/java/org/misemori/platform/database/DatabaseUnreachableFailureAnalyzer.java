package org.misemori.platform.database;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A configured database that cannot be reached at start: one clear line naming the URL and
 * what to do (Boot prints it as the failure's description), instead of a page of stack trace.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	private final Environment environment;

	DatabaseUnreachableFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		String state = cause.getSQLState();
		// SQLSTATE class 08 is "connection exception"; 28 is "invalid authorization".
		if (state == null || !(state.startsWith("08") || state.startsWith("28"))) {
			return null;
		}
		String url = environment.getProperty("spring.datasource.url", "(none)");
		String line = "Cannot connect to the database at " + url + " (" + cause.getMessage()
				+ "). Set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD"
				+ " to a reachable PostgreSQL, or unset SPRING_DATASOURCE_URL to use the embedded database.";
		return new FailureAnalysis(line, "Check that PostgreSQL is running and reachable at " + url + ".", cause);
	}

}
