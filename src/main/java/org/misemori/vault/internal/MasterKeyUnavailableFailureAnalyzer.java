package org.misemori.vault.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** One clear paragraph instead of a stack trace, and what to do about it. */
class MasterKeyUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<MasterKeyUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MasterKeyUnavailableException cause) {
		return new FailureAnalysis(cause.getMessage() + " This database holds keys and secrets wrapped with the master key,"
				+ " so Misemori will not start without it, and never falls back to storing or showing plaintext.",
				"Restore the master keyset file from your key backup (or point MISEMORI_DATA_DIR at the data directory"
						+ " that has it), then start again. Without that key the encrypted data cannot be recovered.",
				cause);
	}

}
