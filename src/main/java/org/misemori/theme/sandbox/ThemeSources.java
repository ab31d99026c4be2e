package org.misemori.theme.sandbox;

import java.io.IOException;
import java.util.regex.Pattern;

import liqp.antlr.CharStreamWithLocation;
import liqp.antlr.NameResolver;

/**
 * What {@code include} and {@code render} may name: the current shop's snippets
 * ({@code snippets/<name>.liquid}) and nothing else — no file system, no class path. liqp's
 * default resolver reads any path it is given ({@code {% include '/etc/passwd' %}}). A name
 * that is not a plain snippet name is refused before any lookup.
 *
 * <p>The sandbox's own {@link SnippetTag} does the including (from parsed, cached snippets);
 * liqp's name resolver is set to {@link #NOTHING}, so that no path of liqp's reads anything.
 */
final class ThemeSources {

	private static final Pattern SNIPPET_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,60}");

	static final NameResolver NOTHING = new NameResolver() {

		@Override
		public CharStreamWithLocation resolve(String name) throws IOException {
			throw new UnknownSnippet(name);
		}

	};

	private ThemeSources() {
	}

	/** {@code snippets/<name>.liquid}, or UnknownSnippet for anything that is not a plain snippet name. */
	static String snippetPath(String name) throws UnknownSnippet {
		String unquoted = unquoted(name);
		String bare = unquoted.endsWith(".liquid") ? unquoted.substring(0, unquoted.length() - ".liquid".length()) : unquoted;
		if (!SNIPPET_NAME.matcher(bare).matches()) {
			throw new UnknownSnippet(unquoted);
		}
		return "snippets/" + bare + ".liquid";
	}

	/** {@code {% render 'x' %}} is a tag liqp does not know: it hands over the literal with its quotes. */
	static String unquoted(String name) {
		boolean quoted = name.length() > 1
				&& (name.startsWith("'") && name.endsWith("'") || name.startsWith("\"") && name.endsWith("\""));
		return quoted ? name.substring(1, name.length() - 1) : name;
	}

	/** Carried out of an include as the cause of its RuntimeException. */
	static final class UnknownSnippet extends IOException {

		private final String name;

		UnknownSnippet(String name) {
			super("no such snippet in the theme");
			this.name = name;
		}

		String name() {
			return name;
		}

	}

}
