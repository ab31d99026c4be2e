package org.misemori.theme.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import liqp.Template;
import liqp.TemplateParser;
import liqp.exceptions.ExceededMaxIterationsException;
import liqp.exceptions.LiquidException;
import liqp.parser.Flavor;
import liqp.tags.Include;

import org.misemori.theme.ShopTheme;
import org.misemori.theme.ThemeRenderProblem;
import org.misemori.theme.ThemeRenderProblem.Kind;

/**
 * One render's liqp parser, configured as a sandbox; made per render because its name
 * resolver knows one shop's theme and its budget one render's clock.
 *
 * <p>liqp options set, and why (its defaults are not safe: a default parser rendered
 * {@code {% include '/etc/passwd' %}}, left {@code <b>} unescaped and looped for 6.5 s):
 * <ul>
 * <li>{@code withFlavor(LIQUID)}: Shopify's dialect, which owners and theme designers know.</li>
 * <li>{@code withNameResolver}: {@link ThemeSources}, the shop's snippets only.</li>
 * <li>{@code withMaxTemplateSizeBytes}, {@code withMaxIterations}, {@code withMaxSizeRenderedString},
 * {@code withMaxRenderTimeMillis}: the {@link SandboxLimits}; the last two are also enforced
 * inside the render by {@link RenderBudget}.</li>
 * <li>{@code withRenderTransformer}: {@link BudgetedRenderTransformer}.</li>
 * <li>{@code withErrorMode(STRICT)} and {@code withShowExceptionsFromInclude(true)}: an error
 * stops the render and reaches the owner, instead of an empty string in the page.</li>
 * <li>{@code withEvaluateMode(LAZY)}: the model is never run through Jackson (EAGER mode
 * converts objects by reflection); the model is plain data anyway ({@code TemplateData}).</li>
 * <li>{@code withStrictVariables(false)}: a missing optional value (a product without a
 * description) renders empty, as in Shopify, rather than taking the page down.</li>
 * <li>{@code withEvaluateInOutputTag(false)}: {@code {{ }}} outputs values, no expressions.</li>
 * <li>{@code withStripSpaceAroundTags(false)}: whitespace as written; {@code {%- -%}} trims.</li>
 * <li>{@code withFilter}: {@link SandboxFilters}; {@code withTag}: {@code render} as an include.</li>
 * </ul>
 */
final class Sandbox {

	/** liqp builds an ObjectMapper per parser unless given one; it is only used by the json filter here. */
	private static final ObjectMapper MAPPER = new ObjectMapper();

	/**
	 * liqp renders on an executor to time a render out. Shared and cached: no thread is built
	 * per page, and a render never waits in a queue (time in a queue would count against it).
	 */
	private static final ExecutorService RENDER_THREADS = Executors.newCachedThreadPool(new RenderThreads());

	private final SandboxLimits limits;

	private final RenderBudget budget;

	private final TemplateParser parser;

	Sandbox(SandboxLimits limits, ShopTheme theme, Map<String, String> translations) {
		this.limits = limits;
		this.budget = new RenderBudget(limits);
		TemplateParser.Builder builder = new TemplateParser.Builder().withFlavor(Flavor.LIQUID)
			.withObjectMapper(MAPPER)
			.withNameResolver(new ThemeSources(theme, this))
			.withMaxTemplateSizeBytes(limits.maxTemplateBytes())
			.withMaxIterations(limits.maxIterations())
			.withMaxSizeRenderedString(limits.maxOutputChars())
			.withMaxRenderTimeMillis(limits.maxRenderMillis())
			.withRenderTransformer(new BudgetedRenderTransformer(budget))
			.withErrorMode(TemplateParser.ErrorMode.STRICT)
			.withShowExceptionsFromInclude(true)
			.withEvaluateMode(TemplateParser.EvaluateMode.LAZY)
			.withStrictVariables(false)
			.withEvaluateInOutputTag(false)
			.withStripSpaceAroundTags(false)
			.withTag(new RenderTag());
		SandboxFilters.all(budget, translations).forEach(builder::withFilter);
		this.parser = builder.build();
	}

	/** {@code body}, size- and syntax-checked, with every output escaped by default ({@link AutoEscape}). */
	String escapedSource(String path, String body) {
		int bytes = body.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > limits.maxTemplateBytes()) {
			throw new ThemeRenderProblem(Kind.TEMPLATE_TOO_LARGE, path, limits.maxTemplateBytes());
		}
		return AutoEscape.rewrite(body, parse(path, body));
	}

	Template prepare(String path, String body) {
		return parse(path, escapedSource(path, body));
	}

	String render(Template template, Map<String, Object> model) {
		budget.start();
		try {
			return template.render(model, RENDER_THREADS, false);
		}
		catch (RuntimeException ex) {
			throw problemFrom(ex);
		}
	}

	private Template parse(String path, String body) {
		try {
			return parser.parse(body);
		}
		catch (LiquidException ex) {
			throw new ThemeRenderProblem(Kind.SYNTAX, ex, path, ex.line, ex.charPositionInLine + 1, shortened(ex.getMessage()));
		}
	}

	private ThemeRenderProblem problemFrom(RuntimeException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ThemeRenderProblem problem) {
				return problem;
			}
			if (cause instanceof ExceededMaxIterationsException) {
				return new ThemeRenderProblem(Kind.TOO_MANY_ITERATIONS, failure, limits.maxIterations());
			}
			if (cause instanceof ThemeSources.UnknownSnippet unknown) {
				return new ThemeRenderProblem(Kind.UNKNOWN_TEMPLATE, failure, unknown.name());
			}
			if (String.valueOf(cause.getMessage()).startsWith("exceeded the max amount of time")) {
				return new ThemeRenderProblem(Kind.TOO_SLOW, failure, limits.maxRenderMillis());
			}
			if (cause.getCause() == null) {
				return new ThemeRenderProblem(Kind.RENDER_FAILED, failure, shortened(cause.getMessage()));
			}
		}
		return new ThemeRenderProblem(Kind.RENDER_FAILED, failure, "");
	}

	private static String shortened(String message) {
		String text = String.valueOf(message);
		return text.length() > 200 ? text.substring(0, 200) + "…" : text;
	}

	/** Shopify's {@code render}, here the same as {@code include}: through the theme's name resolver only. */
	private static final class RenderTag extends Include {

		RenderTag() {
			super("render");
		}

	}

	private static final class RenderThreads implements java.util.concurrent.ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable work) {
			Thread thread = new Thread(work, "theme-render-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
