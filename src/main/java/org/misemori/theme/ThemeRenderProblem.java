package org.misemori.theme;

import java.util.Arrays;
import java.util.Locale;

/**
 * A theme template that could not be saved or rendered, with a message for the shop's owner
 * ({@link #messageKey()} and {@link #arguments()} in the message files). Shoppers never see
 * it: the storefront shows a fixed fallback page instead.
 */
public class ThemeRenderProblem extends RuntimeException {

	/** What went wrong; each has its own owner-facing message. */
	public enum Kind {

		/** The template does not parse; arguments: path, line, column, parser's words. */
		SYNTAX,
		/** The template is larger than the limit; arguments: path, limit in bytes. */
		TEMPLATE_TOO_LARGE,
		/** include/render of a name that is not one of the theme's snippets; argument: the name. */
		UNKNOWN_TEMPLATE,
		/** Loops ran more iterations than allowed; argument: the limit. */
		TOO_MANY_ITERATIONS,
		/** The page or a value grew beyond the limit; argument: the limit in characters. */
		OUTPUT_TOO_LARGE,
		/** Rendering took longer than allowed; argument: the limit in milliseconds. */
		TOO_SLOW,
		/** The model given to a template held something other than plain data (a programming error). */
		NOT_PLAIN_DATA,
		/** Any other error while rendering (an unknown filter, a wrong argument); argument: liqp's words. */
		RENDER_FAILED,
		/** The page asks for a card number or security code; argument: the field. Cards are typed at the provider only. */
		CARD_FIELD;

		public String messageKey() {
			return "theme.problem." + name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	private final Kind kind;

	private final transient Object[] arguments;

	public ThemeRenderProblem(Kind kind, Object... arguments) {
		this(kind, null, arguments);
	}

	public ThemeRenderProblem(Kind kind, Throwable cause, Object... arguments) {
		super(kind + " " + Arrays.toString(arguments), cause);
		this.kind = kind;
		this.arguments = arguments.clone();
	}

	public Kind kind() {
		return kind;
	}

	public String messageKey() {
		return kind.messageKey();
	}

	public Object[] arguments() {
		return arguments.clone();
	}

}
