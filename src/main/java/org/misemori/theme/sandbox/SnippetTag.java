package org.misemori.theme.sandbox;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

import liqp.Template;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.nodes.LNode;
import liqp.parser.v4.NodeVisitor;
import liqp.spi.BasicTypesSupport;
import liqp.tags.Tag;

/**
 * {@code include} and Shopify's {@code render}, as liqp's {@code Include} in the Liquid flavour
 * does them ({@code with} puts the value under the snippet's name), but the snippet comes
 * parsed from the render's {@link Sandbox} — once per render and from the cache — instead of
 * being read and parsed again at each use (a collection page includes its product card once
 * per product).
 */
final class SnippetTag extends Tag {

	/**
	 * Each parsed snippet's node tree, built once. liqp's {@code Template.renderToObjectUnguarded}
	 * turns the parse tree into nodes again at every render, which for a product card included
	 * 25 times a page was a tenth of a collection page. Keyed by the parsed copy itself (by
	 * identity; a copy dropped by {@link ParsedTemplates} takes its nodes with it), and a copy is
	 * used by one render at a time, so its nodes are too.
	 */
	private static final Map<Template, LNode> NODES = Collections.synchronizedMap(new WeakHashMap<>());

	SnippetTag(String name) {
		super(name);
	}

	@Override
	public Object render(TemplateContext context, LNode... nodes) {
		try {
			String name = asString(nodes[0].render(context), context);
			Template snippet = Sandbox.rendering().snippet(name);
			if (nodes.length > 1 && nodes[1] != null) {
				context.put(ThemeSources.unquoted(name), nodes[1].render(context));
			}
			return renderInto(context, snippet);
		}
		catch (Exception ex) {
			// As liqp's Include with showExceptionsFromInclude: the cause reaches Sandbox.problemFrom.
			throw new RuntimeException("problem with evaluating include", ex);
		}
	}

	/**
	 * What {@code snippet.renderToObjectUnguarded(new HashMap<>(), context, true)} does (liqp
	 * 0.9.2.3: clear the thread's type references, a child context of the includer's, render the
	 * nodes, the parser's render transformer — our {@link BudgetedRenderTransformer}), with the
	 * snippet's nodes built once instead of at every include.
	 */
	private static Object renderInto(TemplateContext context, Template snippet) {
		BasicTypesSupport.clearReferences();
		// The includer's parser: one per SandboxLimits, the one every template of this render was parsed with.
		TemplateParser parser = context.getParser();
		LNode root = NODES.computeIfAbsent(snippet, parsed -> (LNode) new NodeVisitor(parser.insertions,
				parser.filters, parser.liquidStyleInclude).visit(parsed.getParseTree()));
		TemplateContext child = context.newChildContext(new HashMap<>());
		return parser.getRenderTransformer().transformObject(child, root.render(child));
	}


}
