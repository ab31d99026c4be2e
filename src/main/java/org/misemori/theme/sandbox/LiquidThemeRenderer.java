package org.misemori.theme.sandbox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import liqp.Template;

import org.misemori.theme.ShopTheme;
import org.misemori.theme.TemplateData;
import org.misemori.theme.ThemeFile;
import org.misemori.theme.ThemeRenderProblem;
import org.misemori.theme.ThemeRenderer;

import org.springframework.stereotype.Component;

/** The storefront's theme renderer: each page in a fresh {@link Sandbox}. */
@Component
class LiquidThemeRenderer implements ThemeRenderer {

	private static final String LAYOUT = "layout/theme.liquid";

	private final ShopTheme theme;

	private final Translations translations;

	LiquidThemeRenderer(ShopTheme theme, Translations translations) {
		this.theme = theme;
		this.translations = translations;
	}

	@Override
	public String renderPage(String page, TemplateData data, Locale locale) {
		String language = "en".equals(locale.getLanguage()) ? "en" : "ja";
		Sandbox sandbox = new Sandbox(SandboxLimits.STOREFRONT, theme, translations.of(language));
		Map<String, Object> model = new LinkedHashMap<>(data.asMap());
		model.put("locale", language);
		model.put("template", page);
		String content = sandbox.render(template(sandbox, "templates/" + page + ".liquid"), model);
		model.put("content_for_layout", new SafeHtml(content));
		return sandbox.render(template(sandbox, LAYOUT), model);
	}

	@Override
	public void check(String path, String body) {
		LiquidSyntax.check(path, body);
	}

	private Template template(Sandbox sandbox, String path) {
		ThemeFile file = theme.current(path)
			.orElseThrow(() -> new ThemeRenderProblem(ThemeRenderProblem.Kind.UNKNOWN_TEMPLATE, path));
		return sandbox.prepare(path, file.body());
	}

}
