package org.misemori.theme.sandbox;

import java.util.HashMap;

import liqp.Template;
import liqp.TemplateContext;
import liqp.nodes.LNode;
import liqp.tags.Tag;

/**
 * {@code include} and Shopify's {@code render}, as liqp's {@code Include} in the Liquid flavour
 * does them ({@code with} puts the value under the snippet's name), but the snippet comes
 * parsed from the render's {@link Sandbox} — once per render and from the cache — instead of
 * being read and parsed again at each use (a collection page includes its product card once
 * per product).
 */
final class SnippetTag extends Tag {

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
			return snippet.renderToObjectUnguarded(new HashMap<>(), context, true);
		}
		catch (Exception ex) {
			// As liqp's Include with showExceptionsFromInclude: the cause reaches Sandbox.problemFrom.
			throw new RuntimeException("problem with evaluating include", ex);
		}
	}

}
