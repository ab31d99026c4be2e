package org.misemori.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A second Misemori on the same data directory stops before it touches the database. This
 * fails so early (while the environment is prepared) that only a failure analysis, not an
 * ordinary log line, reaches the console.
 */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Stop the other Misemori, or set MISEMORI_DATA_DIR to another directory.", cause);
	}

}
