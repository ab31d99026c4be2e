package org.misemori.theme.sandbox;

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
			Sandbox.prepare(SandboxLimits.STOREFRONT, path, body);
		}
	}

}
