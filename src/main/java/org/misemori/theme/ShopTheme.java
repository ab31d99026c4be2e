package org.misemori.theme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current shop's theme files: the newest saved version of each, or the built-in default
 * theme's file where the owner saved none. Every save and rollback is a new version and is
 * audited ({@link ThemeFileSaved}).
 */
public interface ShopTheme {

	/** Largest file accepted, in UTF-8 bytes (the database refuses more too). */
	int MAX_FILE_BYTES = 256 * 1024;

	Optional<ThemeFile> current(String path);

	/** The built-in default theme's file at {@code path} (version 0), whatever the shop saved. */
	Optional<ThemeFile> builtIn(String path);

	/**
	 * The newest version of each path the shop saved (paths only the default theme has are
	 * absent): what a render needs to know whether its cached parsed templates are current,
	 * in one read instead of one per file.
	 */
	default Map<String, Integer> savedVersions() {
		Map<String, Integer> versions = new HashMap<>();
		paths().forEach(path -> current(path).filter(file -> file.version() != 0)
			.ifPresent(file -> versions.put(path, file.version())));
		return versions;
	}

	/** Every path of the theme: the default theme's and the shop's own, sorted. */
	List<String> paths();

	/** Saves {@code body} as a new version after checking it (size, Liquid syntax); throws {@link ThemeRenderProblem}. */
	ThemeFile save(String path, String body, String savedBy);

	/** Newest first. */
	List<ThemeFile> versions(String path);

	/** Saves a copy of {@code version} as the newest version. */
	ThemeFile rollBack(String path, int version, String by);

}
