package org.misemori.theme.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.misemori.theme.ShopTheme;
import org.misemori.theme.TemplateData;
import org.misemori.theme.ThemeFile;
import org.misemori.theme.ThemeRenderProblem;
import org.misemori.theme.ThemeRenderProblem.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The sandbox against templates a hostile or careless owner could write: each is stopped with
 * its own problem, and data is escaped on output. No database: the theme is in memory.
 */
class ThemeSandboxUnitTest {

	private final Map<String, String> files = new HashMap<>(Map.of("layout/theme.liquid", "<main>{{ content_for_layout }}</main>",
			"snippets/greeting.liquid", "<p>{{ name }}</p>", "locales/ja.json", "{\"cart\": {\"title\": \"カート\"}}",
			"locales/en.json", "{\"cart\": {\"title\": \"Cart\"}}"));

	private final ShopTheme theme = new InMemoryTheme(files);

	private final LiquidThemeRenderer renderer = new LiquidThemeRenderer(theme, new Translations(theme));

	/**
	 * The time limit is wall-clock: the first render in a JVM loads liqp's, ANTLR's and jsoup's
	 * classes (0.7 s and more on this shared 2-core machine), which a serving node has long done.
	 */
	@org.junit.jupiter.api.BeforeEach
	void warmUp() {
		page("{% for i in (1..100) %}{{ i | append: 'x' | upcase }}{% endfor %}{{ 'x' | rich_text }}", Map.of());
	}

	@Test
	void includeOfAFileOrAPathIsRefusedAndNothingIsRead() {
		assertThat(problem("{% include '/etc/passwd' %}").kind()).isEqualTo(Kind.UNKNOWN_TEMPLATE);
		assertThat(problem("{% include '/etc/passwd' %}").arguments()).containsExactly("/etc/passwd");
		assertThat(problem("{% render '../../etc/passwd' %}").kind()).isEqualTo(Kind.UNKNOWN_TEMPLATE);
		assertThat(problem("{% include '../layout/theme' %}").kind()).isEqualTo(Kind.UNKNOWN_TEMPLATE);
		assertThat(problem("{% include 'META-INF/MANIFEST.MF' %}").kind()).isEqualTo(Kind.UNKNOWN_TEMPLATE);
		assertThat(problem("{% include 'application.properties' %}").kind()).isEqualTo(Kind.UNKNOWN_TEMPLATE);
	}

	@Test
	void theShopsOwnSnippetsAreIncludedAndEscapedToo() {
		assertThat(page("{% include 'greeting' %}{% render 'greeting' %}", Map.of("name", "<b>x</b>")))
			.isEqualTo("<main><p>&lt;b&gt;x&lt;/b&gt;</p><p>&lt;b&gt;x&lt;/b&gt;</p></main>");
	}

	@Test
	void aScriptInAProductNameIsEscapedOnOutputEvenThroughFilters() {
		Map<String, Object> model = Map.of("product", Map.of("name", "<script>alert(1)</script>\"'"));
		assertThat(page("{{ product.name }}|{{ product.name | upcase }}|{{ product.name | escape }}|{{ product.name | rich_text }}",
				model))
			.isEqualTo("<main>&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;|&lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;&quot;&#39;"
					+ "|&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;|\"'</main>");
	}

	@Test
	void richTextKeepsFormattingAndLosesScriptsAndHandlers() {
		String html = page("{{ d | rich_text }}", Map.of("d",
				"<p>お<b>すすめ</b><script>alert(1)</script><img src=\"https://example.test/a.png\" onerror=\"alert(2)\"><a href=\"javascript:alert(3)\">x</a></p>"));
		assertThat(html).contains("<b>すすめ</b>", "<img src=\"https://example.test/a.png\">")
			.doesNotContain("script", "onerror", "javascript");
	}

	@Test
	void aJavaObjectIsRefusedBeforeAnyTemplateRuns() {
		ThemeRenderProblem refused = catchThrowableOfType(ThemeRenderProblem.class,
				() -> TemplateData.of(Map.of("product", Map.of("owner", new Thread()))));
		assertThat(refused.kind()).isEqualTo(Kind.NOT_PLAIN_DATA);
		assertThat(refused.arguments()).containsExactly("product.owner", "java.lang.Thread");
		assertThatThrownBy(() -> TemplateData.of(Map.of("list", List.of("a", new StringBuilder("b")))))
			.isInstanceOf(ThemeRenderProblem.class);
	}

	@Test
	void classAndGetterNamesReachNothing() {
		assertThat(page("[{{ product.class }}][{{ product.getClass }}][{{ product.name.class }}][{{ product.name.bytes }}][{{ product.class.name }}]",
				Map.of("product", Map.of("name", "茶"))))
			.isEqualTo("<main>[][][][][]</main>");
	}

	@Test
	void aLoopWithoutEndIsStoppedQuickly() {
		long start = System.nanoTime();
		ThemeRenderProblem stopped = problem("{% for i in (1..100000000) %}{{ i }}{% endfor %}");
		assertThat(stopped.kind()).isEqualTo(Kind.TOO_MANY_ITERATIONS);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(problem("{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}").kind())
			.isEqualTo(Kind.TOO_MANY_ITERATIONS);
	}

	@Test
	void renderingGigabytesIsStopped() {
		// Doubling a string through assign never passes liqp's output check; the budget sees it.
		assertThat(problem("{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}")
			.kind()).isEqualTo(Kind.OUTPUT_TOO_LARGE);
		assertThat(problem("{% assign a = 'x' | split: ',' %}{% for i in (1..40) %}{% assign a = a | concat: a %}{% endfor %}")
			.kind()).isEqualTo(Kind.OUTPUT_TOO_LARGE);
		String chunk = "x".repeat(300);
		assertThat(problem("{% for i in (1..9000) %}{{ '" + chunk + "' }}{% endfor %}").kind()).isEqualTo(Kind.OUTPUT_TOO_LARGE);
		assertThat(problem("{% capture s %}{% for i in (1..9000) %}" + chunk + "{% endfor %}{% endcapture %}").kind())
			.isEqualTo(Kind.OUTPUT_TOO_LARGE);
	}

	@Test
	void aRenderOverItsTimeIsStoppedFromInside() {
		Sandbox slow = new Sandbox(new SandboxLimits(256 * 1024, 10_000, 2_000_000, 50_000, 1), theme, Map.of());
		files.put("templates/busy.liquid", "{% for i in (1..9000) %}{{ i | append: 'x' | upcase | size }}{% endfor %}");
		ThemeRenderProblem stopped = catchThrowableOfType(ThemeRenderProblem.class,
				() -> slow.render(slow.prepare("templates/busy.liquid", files.get("templates/busy.liquid")), Map.of()));
		assertThat(stopped.kind()).isEqualTo(Kind.TOO_SLOW);
	}

	@Test
	void aTemplateThatDoesNotParseIsRefusedWithItsLineAndColumn() {
		ThemeRenderProblem refused = catchThrowableOfType(ThemeRenderProblem.class,
				() -> LiquidSyntax.check("templates/product.liquid", "<h1>{{ product.name }}</h1>\n{% for x in %}"));
		assertThat(refused.kind()).isEqualTo(Kind.SYNTAX);
		assertThat(refused.arguments()[0]).isEqualTo("templates/product.liquid");
		assertThat(refused.arguments()[1]).isEqualTo(2);
		assertThatCode(() -> LiquidSyntax.check("templates/product.liquid", "{{ product.name }}")).doesNotThrowAnyException();
		assertThat(catchThrowableOfType(ThemeRenderProblem.class,
				() -> LiquidSyntax.check("templates/product.liquid", "x".repeat(300_000))).kind())
			.isEqualTo(Kind.TEMPLATE_TOO_LARGE);
	}

	@Test
	void anUnknownFilterIsAnErrorNotAnEmptyString() {
		assertThat(problem("{{ 'a' | shell: 'ls' }}").kind()).isEqualTo(Kind.RENDER_FAILED);
	}

	@Test
	void translationsFollowTheLocale() {
		files.put("templates/t.liquid", "{{ 'cart.title' | t }} {{ locale }}");
		assertThat(renderer.renderPage("t", TemplateData.empty(), Locale.JAPANESE)).isEqualTo("<main>カート ja</main>");
		assertThat(renderer.renderPage("t", TemplateData.empty(), Locale.ENGLISH)).isEqualTo("<main>Cart en</main>");
	}

	@Test
	void aKeyMissingFromTheOwnersSavedWordsShowsTheBuiltInWordsNotTheKey() {
		files.put("templates/t.liquid", "{{ 'cart.checkout' | t }}|{{ 'cart.title' | t }}|{{ 'cart.nowhere' | t }}");
		assertThat(renderer.renderPage("t", TemplateData.empty(), Locale.JAPANESE))
			.isEqualTo("<main>ご購入手続きへ|カート|cart.nowhere</main>");
		files.put("locales/ja.json", "{ not json");
		assertThat(renderer.renderPage("t", TemplateData.empty(), Locale.JAPANESE))
			.as("a broken saved file leaves the built-in words").isEqualTo("<main>ご購入手続きへ|お買い物かご|cart.nowhere</main>");
	}

	private String page(String template, Map<String, ?> model) {
		files.put("templates/x.liquid", template);
		return renderer.renderPage("x", TemplateData.of(model), Locale.JAPANESE);
	}

	private ThemeRenderProblem problem(String template) {
		return catchThrowableOfType(ThemeRenderProblem.class, () -> page(template, Map.of()));
	}

	private record InMemoryTheme(Map<String, String> files) implements ShopTheme {

		private static final Map<String, String> BUILT_IN = Map.of("locales/ja.json",
				"{\"cart\": {\"title\": \"お買い物かご\", \"checkout\": \"ご購入手続きへ\"}}");

		@Override
		public Optional<ThemeFile> builtIn(String path) {
			return Optional.ofNullable(BUILT_IN.get(path)).map(body -> new ThemeFile(path, 0, body, "Misemori", null, null));
		}

		@Override
		public Optional<ThemeFile> current(String path) {
			// Each body its own version, as each save makes one (the renderer keeps parsed templates by version).
			return Optional.ofNullable(files.get(path)).map(body -> new ThemeFile(path, body.hashCode(), body, "test", null, null));
		}

		@Override
		public List<String> paths() {
			return List.copyOf(files.keySet());
		}

		@Override
		public ThemeFile save(String path, String body, String savedBy) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<ThemeFile> versions(String path) {
			return List.of();
		}

		@Override
		public ThemeFile rollBack(String path, int version, String by) {
			throw new UnsupportedOperationException();
		}

	}

}
