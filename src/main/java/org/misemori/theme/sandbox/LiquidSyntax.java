package org.misemori.theme.sandbox;

import java.util.Map;
import java.util.Optional;

import org.misemori.theme.ShopTheme;
import org.misemori.theme.ThemeFile;

/**
 * The check before a save: the template parses in the sandbox's own parser and is within the
 * size limit. Parsing resolves no includes, so no theme is needed.
 */
public final class LiquidSyntax {

	private LiquidSyntax() {
	}

	/** Throws a {@code ThemeRenderProblem} (SYNTAX with line and column, or TEMPLATE_TOO_LARGE). */
	public static void check(String path, String body) {
		if (path.endsWith(".liquid")) {
			new Sandbox(SandboxLimits.STOREFRONT, NO_THEME, Map.of()).prepare(path, body);
		}
	}

	private static final ShopTheme NO_THEME = new ShopTheme() {

		@Override
		public Optional<ThemeFile> current(String path) {
			return Optional.empty();
		}

		@Override
		public java.util.List<String> paths() {
			return java.util.List.of();
		}

		@Override
		public ThemeFile save(String path, String body, String savedBy) {
			throw new UnsupportedOperationException();
		}

		@Override
		public java.util.List<ThemeFile> versions(String path) {
			return java.util.List.of();
		}

		@Override
		public ThemeFile rollBack(String path, int version, String by) {
			throw new UnsupportedOperationException();
		}

	};

}
