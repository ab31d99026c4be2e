package org.misemori.theme.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import liqp.TemplateContext;
import liqp.filters.Filter;
import liqp.parser.Flavor;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

import org.springframework.web.util.HtmlUtils;

/**
 * The filters a theme may use: Liquid's standard ones, each checked against the render's
 * budget after it runs; {@code escape_output}, which the sandbox adds to every
 * {@code {{ }}} ({@link AutoEscape}); {@code rich_text} for owner-authored HTML; and {@code t}
 * for the theme's translations.
 */
final class SandboxFilters {

	static final String ESCAPE_OUTPUT = "escape_output";

	/**
	 * Replaced: liqp's leave {@code '} as is, which breaks out of a single-quoted attribute.
	 * Their results are marked safe so that they are not escaped twice.
	 */
	private static final Set<String> ESCAPING = Set.of("escape", "h", "escape_once");

	/** Owner-authored HTML keeps formatting, links and images, and loses scripts, handlers and styles. */
	private static final Safelist RICH_TEXT = Safelist.relaxed();

	private SandboxFilters() {
	}

	/** Filters shared by every render of a parser: budget and translations are the render's own ({@link Sandbox#rendering()}). */
	static List<Filter> all() {
		List<Filter> filters = new ArrayList<>();
		for (Filter standard : Flavor.LIQUID.getFilters().values()) {
			filters.add(ESCAPING.contains(standard.name) ? escaping(standard.name) : budgeted(standard));
		}
		filters.add(new Filter(ESCAPE_OUTPUT) {
			@Override
			public Object apply(Object value, TemplateContext context, Object... params) {
				return value instanceof SafeHtml ? value : HtmlUtils.htmlEscape(asString(value, context), "UTF-8");
			}
		});
		filters.add(new Filter("rich_text") {
			@Override
			public Object apply(Object value, TemplateContext context, Object... params) {
				return new SafeHtml(Jsoup.clean(asString(value, context), RICH_TEXT));
			}
		});
		filters.add(new Filter("t") {
			@Override
			public Object apply(Object value, TemplateContext context, Object... params) {
				String key = asString(value, context);
				return Sandbox.rendering().translations().getOrDefault(key, key);
			}
		});
		return filters;
	}

	private static Filter budgeted(Filter standard) {
		return new Filter(standard.name) {
			@Override
			public Object apply(Object value, TemplateContext context, Object... params) {
				RenderBudget budget = Sandbox.rendering().budget();
				budget.checkTime();
				budget.checkInputs(value, params);
				Object result = standard.apply(value, context, params);
				budget.checkSize(result);
				return result;
			}
		};
	}

	private static Filter escaping(String name) {
		boolean once = name.equals("escape_once");
		return new Filter(name) {
			@Override
			public Object apply(Object value, TemplateContext context, Object... params) {
				String text = asString(value, context);
				return new SafeHtml(HtmlUtils.htmlEscape(once ? HtmlUtils.htmlUnescape(text) : text, "UTF-8"));
			}
		};
	}

}
