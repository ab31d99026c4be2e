package org.misemori.theme.sandbox;

import java.io.IOException;
import java.util.regex.Pattern;

import liqp.antlr.CharStreamWithLocation;
import liqp.antlr.NameResolver;
import liqp.org.antlr.v4.runtime.CharStreams;

import org.misemori.theme.ShopTheme;
import org.misemori.theme.ThemeFile;

/**
 * liqp's name resolver for {@code include} and {@code render}: it knows the current shop's
 * snippets ({@code snippets/<name>.liquid}) and nothing else — no file system, no class path.
 * liqp's default resolver reads any path it is given ({@code {% include '/etc/passwd' %}}).
 * A name that is not a plain snippet name is refused before any lookup.
 */
final class ThemeSources implements NameResolver {

	private static final Pattern SNIPPET_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,60}");

	private final ShopTheme theme;

	private final Sandbox sandbox;

	ThemeSources(ShopTheme theme, Sandbox sandbox) {
		this.theme = theme;
		this.sandbox = sandbox;
	}

	@Override
	public CharStreamWithLocation resolve(String name) throws IOException {
		// {% render 'x' %} is a tag liqp does not know: it hands over the literal with its quotes.
		String unquoted = name.length() > 1 && (name.startsWith("'") && name.endsWith("'") || name.startsWith("\"") && name.endsWith("\""))
				? name.substring(1, name.length() - 1) : name;
		String bare = unquoted.endsWith(".liquid") ? unquoted.substring(0, unquoted.length() - ".liquid".length()) : unquoted;
		if (!SNIPPET_NAME.matcher(bare).matches()) {
			throw new UnknownSnippet(unquoted);
		}
		String path = "snippets/" + bare + ".liquid";
		ThemeFile file = theme.current(path).orElseThrow(() -> new UnknownSnippet(unquoted));
		return new CharStreamWithLocation(CharStreams.fromString(sandbox.escapedSource(path, file.body())));
	}

	/** Carried out of liqp's include as the cause of its RuntimeException. */
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
