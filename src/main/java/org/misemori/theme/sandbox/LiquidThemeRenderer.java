package org.misemori.theme.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import liqp.Template;

import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;
import org.misemori.theme.ShopTheme;
import org.misemori.theme.TemplateData;
import org.misemori.theme.ThemeFile;
import org.misemori.theme.ThemeRenderer;

import org.springframework.stereotype.Component;

/**
 * The storefront's theme renderer: each page in a fresh {@link Sandbox}, from templates parsed
 * once per version ({@link ParsedTemplates}).
 */
@Component
class LiquidThemeRenderer implements ThemeRenderer {

	private static final String LAYOUT = "layout/theme.liquid";

	private final ShopTheme theme;

	private final Translations translations;

	private final ParsedTemplates parsed = new ParsedTemplates();

	LiquidThemeRenderer(ShopTheme theme, Translations translations) {
		this.theme = theme;
		this.translations = translations;
	}

	@Override
	public String renderPage(String page, TemplateData data, Locale locale) {
		String language = "en".equals(locale.getLanguage()) ? "en" : "ja";
		ShopId shop = TenantContext.current().orElse(null);
		Map<String, Integer> versions = theme.savedVersions();
		Borrowed borrowed = new Borrowed(shop, versions);
		Sandbox sandbox = new Sandbox(SandboxLimits.STOREFRONT, translations.of(language, versions), borrowed::template);
		Map<String, Object> model = new LinkedHashMap<>(data.asMap());
		model.put("locale", language);
		model.put("template", page);
		String content = sandbox.render(sandbox.template("templates/" + page + ".liquid"), model);
		model.put("content_for_layout", new SafeHtml(content));
		String html = sandbox.render(sandbox.template(LAYOUT), model);
		borrowed.giveBack();
		return CardFieldGuard.check(html);
	}

	@Override
	public void check(String path, String body) {
		LiquidSyntax.check(path, body);
	}

	/**
	 * The parsed templates one render took, given back when it completed. Which version of a
	 * file is current comes from one read at the start of the render ({@code versions}); a
	 * file is read only when no parsed copy of that version is kept. Snippets are looked up on
	 * the render's thread, which does not carry the request's shop: a read is made as that
	 * shop explicitly.
	 */
	private final class Borrowed {

		private final ShopId shop;

		private final Map<String, Integer> versions;

		private final List<Map.Entry<ParsedTemplates.Key, Template>> taken = new ArrayList<>();

		Borrowed(ShopId shop, Map<String, Integer> versions) {
			this.shop = shop;
			this.versions = versions;
		}

		Optional<Template> template(String path) {
			int version = versions.getOrDefault(path, 0);
			Optional<Template> kept = parsed.borrow(key(path, version));
			if (kept.isPresent()) {
				taken.add(Map.entry(key(path, version), kept.get()));
				return kept;
			}
			return read(path).map(file -> {
				var key = key(path, file.version());
				Template template = Sandbox.prepare(SandboxLimits.STOREFRONT, path, file.body());
				taken.add(Map.entry(key, template));
				return template;
			});
		}

		private Optional<ThemeFile> read(String path) {
			return shop == null ? theme.current(path) : TenantContext.callAs(shop, () -> theme.current(path));
		}

		private ParsedTemplates.Key key(String path, int version) {
			return new ParsedTemplates.Key(version == 0 || shop == null ? null : shop.value(), path, version);
		}

		void giveBack() {
			taken.forEach(entry -> parsed.giveBack(entry.getKey(), entry.getValue()));
		}

	}

}
