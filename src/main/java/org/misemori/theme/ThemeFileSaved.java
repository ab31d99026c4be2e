package org.misemori.theme;

/** A theme file was saved, or rolled back ({@code restoredFrom} set) to an older version. */
public record ThemeFileSaved(long shopId, String path, int version, Integer restoredFrom, String by, int bytes) {

	public boolean isRollback() {
		return restoredFrom != null;
	}

}
