package org.misemori.theme.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import liqp.Template;
import liqp.TemplateParser;
import liqp.exceptions.ExceededMaxIterationsException;
import liqp.exceptions.LiquidException;
import liqp.parser.Flavor;

import org.misemori.theme.ShopTheme;
import org.misemori.theme.ThemeFile;
import org.misemori.theme.ThemeRenderProblem;
import org.misemori.theme.ThemeRenderProblem.Kind;

/**
 * One render in the sandbox: its budget (time and size), its translations and the templates
 * it may include. The liqp parser, configured as a sandbox, is one per {@link SandboxLimits}
 * and shared by every render, so that a parsed template can be kept and rendered again: its
 * filters and render transformer find the render in progress through {@link #rendering()},
 * which the render's thread carries while it runs.
 *
 * <p>liqp options set, and why (its defaults are not safe: a default parser rendered
 * {@code {% include '/etc/passwd' %}}, left {@code <b>} unescaped and looped for 6.5 s):
 * <ul>
 * <li>{@code withFlavor(LIQUID)}: Shopify's dialect, which owners and theme designers know.</li>
 * <li>{@code withNameResolver}: {@link ThemeSources#NOTHING}; {@code include} and {@code render}
 * are {@link SnippetTag}s, which include only the shop's snippets, through this sandbox.</li>
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
 * <li>{@code withFilter}: {@link SandboxFilters}; {@code withTag}: {@link SnippetTag} for
 * {@code include} and {@code render}.</li>
 * </ul>
 */
final class Sandbox {

	/** liqp builds an ObjectMapper per parser unless given one; it is only used by the json filter here. */
	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final Map<SandboxLimits, TemplateParser> PARSERS = new ConcurrentHashMap<>();

	private final SandboxLimits limits;

	private final RenderBudget budget;

	private final Map<String, String> translations;

	private final Function<String, Optional<Template>> templates;

	/** Snippets already looked up in this render: a product card in a loop is looked up once. */
	private final Map<String, Template> included = new HashMap<>();

	/** A render whose templates are read from {@code theme} and parsed here, each time. */
	Sandbox(SandboxLimits limits, ShopTheme theme, Map<String, String> translations) {
		this(limits, translations, null, theme);
	}

	/**
	 * A render whose templates (parsed by {@link #prepare}, with the same limits) come from
	 * {@code templates}, e.g. a cache; each must be used by this render only while it runs.
	 */
	Sandbox(SandboxLimits limits, Map<String, String> translations, Function<String, Optional<Template>> templates) {
		this(limits, translations, templates, null);
	}

	private Sandbox(SandboxLimits limits, Map<String, String> translations, Function<String, Optional<Template>> templates,
			ShopTheme theme) {
		this.limits = limits;
		this.budget = new RenderBudget(limits);
		this.translations = translations;
		this.templates = templates != null ? templates
				: path -> theme.current(path).map(ThemeFile::body).map(body -> prepare(path, body));
	}

	private static TemplateParser parser(SandboxLimits limits) {
		TemplateParser.Builder builder = new TemplateParser.Builder().withFlavor(Flavor.LIQUID)
			.withObjectMapper(MAPPER)
			.withNameResolver(ThemeSources.NOTHING)
			.withMaxTemplateSizeBytes(limits.maxTemplateBytes())
			.withMaxIterations(limits.maxIterations())
			.withMaxSizeRenderedString(limits.maxOutputChars())
			.withMaxRenderTimeMillis(limits.maxRenderMillis())
			.withRenderTransformer(BudgetedRenderTransformer.INSTANCE)
			.withErrorMode(TemplateParser.ErrorMode.STRICT)
			.withShowExceptionsFromInclude(true)
			.withEvaluateMode(TemplateParser.EvaluateMode.LAZY)
			.withStrictVariables(false)
			.withEvaluateInOutputTag(false)
			.withStripSpaceAroundTags(false)
			.withTag(new SnippetTag("include"))
			.withTag(new SnippetTag("render"));
		SandboxFilters.all().forEach(builder::withFilter);
		return builder.build();
	}

	/** The render the current thread runs; only render threads have one. */
	static Sandbox rendering() {
		return RenderThreads.current();
	}

	RenderBudget budget() {
		return budget;
	}

	Map<String, String> translations() {
		return translations;
	}

	/** The snippet {@code name} of an include, parsed; only a plain snippet name of this shop's theme. */
	Template snippet(String name) throws ThemeSources.UnknownSnippet {
		String path = ThemeSources.snippetPath(name);
		Template snippet = included.get(path);
		if (snippet == null) {
			snippet = templates.apply(path).orElseThrow(() -> new ThemeSources.UnknownSnippet(ThemeSources.unquoted(name)));
			included.put(path, snippet);
		}
		return snippet;
	}

	/** The template at {@code path}, parsed, or an UNKNOWN_TEMPLATE problem. */
	Template template(String path) {
		return templates.apply(path).orElseThrow(() -> new ThemeRenderProblem(Kind.UNKNOWN_TEMPLATE, path));
	}

	Template prepare(String path, String body) {
		return prepare(limits, path, body);
	}

	/**
	 * {@code body} size- and syntax-checked, with every output escaped by default
	 * ({@link AutoEscape}), parsed by the parser of {@code limits}: a template any render with
	 * these limits can render, though only one at a time (liqp keeps a render's context in it).
	 */
	static Template prepare(SandboxLimits limits, String path, String body) {
		int bytes = body.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > limits.maxTemplateBytes()) {
			throw new ThemeRenderProblem(Kind.TEMPLATE_TOO_LARGE, path, limits.maxTemplateBytes());
		}
		TemplateParser parser = PARSERS.computeIfAbsent(limits, Sandbox::parser);
		return parse(parser, path, AutoEscape.rewrite(body, parse(parser, path, body)));
	}

	String render(Template template, Map<String, Object> model) {
		budget.start();
		try {
			return template.render(model, RenderThreads.boundTo(this), false);
		}
		catch (RuntimeException ex) {
			throw problemFrom(ex);
		}
	}

	private static Template parse(TemplateParser parser, String path, String body) {
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

}
