package org.misemori.platform.database;

import java.nio.file.Path;

/** Another Misemori process holds the data directory. */
class DataDirectoryInUseException extends IllegalStateException {

	DataDirectoryInUseException(Path dataDirectory) {
		super("Another Misemori is already running on the data directory " + dataDirectory
				+ ". Stop it first, or start this one with MISEMORI_DATA_DIR set to another directory.");
	}

}
