package org.misemori.theme;

import java.time.Instant;

/**
 * One version of one file of a shop's theme. Version 0 is the built-in default theme's file
 * (no save yet); {@code restoredFrom} is set when the version is a rollback's copy.
 */
public record ThemeFile(String path, int version, String body, String savedBy, Instant savedAt, Integer restoredFrom) {

	public boolean isBuiltIn() {
		return version == 0;
	}

}
