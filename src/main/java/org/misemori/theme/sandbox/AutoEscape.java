package org.misemori.theme.sandbox;

import java.util.ArrayList;
import java.util.List;

import liqp.Template;
import liqp.org.antlr.v4.runtime.tree.ParseTree;
import liquid.parser.v4.LiquidParser;

/**
 * Output escaped by default. liqp has no autoescape option (Liquid leaves escaping to each
 * {@code | escape}, and one forgotten is an XSS), and its rendering gives a template's own
 * text and an output's value to the same appender as plain strings, so escaping cannot be
 * done there. Escaping the model's strings beforehand would feed filters and comparisons
 * escaped text. So the template is rewritten with liqp's own parse tree: every output tag
 * {@code {{ … }}} gets {@code | escape_output} as its last filter, placed just before its
 * closing braces (line numbers stay as the owner wrote them). That filter passes only
 * {@link SafeHtml} unescaped: the result of {@code rich_text} or {@code escape}.
 */
final class AutoEscape {

	private static final String FILTER = " | " + SandboxFilters.ESCAPE_OUTPUT + " ";

	private AutoEscape() {
	}

	/** {@code source} with the escaping filter added to each output of {@code parsed} (parsed from {@code source}). */
	static String rewrite(String source, Template parsed) {
		List<Integer> closings = new ArrayList<>();
		collect(parsed.getParseTree(), closings);
		StringBuilder rewritten = new StringBuilder(source.length() + closings.size() * FILTER.length());
		int from = 0;
		for (int codePointIndex : closings) {
			// ANTLR counts code points; Java strings count UTF-16 units.
			int at = source.offsetByCodePoints(0, codePointIndex);
			rewritten.append(source, from, at).append(FILTER);
			from = at;
		}
		return rewritten.append(source, from, source.length()).toString();
	}

	private static void collect(ParseTree node, List<Integer> closings) {
		if (node instanceof LiquidParser.OutputContext output && output.OutEnd() != null) {
			closings.add(output.OutEnd().getSymbol().getStartIndex());
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			collect(node.getChild(i), closings);
		}
	}

}
