package org.misemori.vault.internal;

import java.nio.file.Path;

/** The key-encryption key cannot be used; Misemori does not start without it. */
class MasterKeyUnavailableException extends RuntimeException {

	MasterKeyUnavailableException(Path file, String problem) {
		super("The master key " + file + " " + problem + ".");
	}

	MasterKeyUnavailableException(String message) {
		super(message);
	}

}
