package org.misemori.theme.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.misemori.platform.TenantContext;
import org.misemori.theme.ShopTheme;
import org.misemori.theme.ThemeFile;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The theme's words in one language, from {@code locales/<language>.json} (nested objects,
 * looked up by dotted keys as Shopify themes do: {@code {{ 'cart.title' | t }}}), the shop's
 * saved file over the built-in one. A broken file gives only the built-in words, rather than
 * an error page. Each version of a
 * file is read once and kept (by shop, path and version, like {@link ParsedTemplates}: never
 * stale on any node; bounded, forgotten all at once when full).
 */
@Component
class Translations {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_KEYS = 2_000;

	private final ShopTheme theme;

	private final Map<ParsedTemplates.Key, Map<String, String>> read = new ConcurrentHashMap<>();

	Translations(ShopTheme theme) {
		this.theme = theme;
	}

	/** @param versions the shop's saved versions ({@link ShopTheme#savedVersions()}), read once per render */
	Map<String, String> of(String language, Map<String, Integer> versions) {
		String path = "locales/" + language + ".json";
		int version = versions.getOrDefault(path, 0);
		Long shop = TenantContext.current().map(id -> id.value()).orElse(null);
		Map<String, String> kept = read.get(new ParsedTemplates.Key(version == 0 ? null : shop, path, version));
		if (kept != null) {
			return kept;
		}
		return theme.current(path).map(file -> {
			Map<String, String> words = file.isBuiltIn() ? flat(file) : withDefaults(flat(file), path);
			if (read.size() >= MAX_KEYS) {
				read.clear();
			}
			read.put(new ParsedTemplates.Key(file.version() == 0 ? null : shop, path, file.version()), words);
			return words;
		}).orElse(Map.of());
	}

	/**
	 * An owner's saved file over the built-in one: a key the owner's copy lacks (one added to
	 * the default theme since they saved it) shows the default's words rather than the bare key.
	 */
	private Map<String, String> withDefaults(Map<String, String> owners, String path) {
		Map<String, String> words = new LinkedHashMap<>(theme.builtIn(path).map(Translations::flat).orElse(Map.of()));
		words.putAll(owners);
		return Map.copyOf(words);
	}

	private static Map<String, String> flat(ThemeFile file) {
		Map<String, String> flat = new LinkedHashMap<>();
		try {
			flatten("", JSON.readValue(file.body(), Map.class), flat);
		}
		catch (RuntimeException ex) {
			flat.clear();
		}
		return Map.copyOf(flat);
	}

	private static void flatten(String prefix, Map<?, ?> values, Map<String, String> flat) {
		values.forEach((key, value) -> {
			String path = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
			if (value instanceof Map<?, ?> nested) {
				flatten(path, nested, flat);
			}
			else {
				flat.put(path, String.valueOf(value));
			}
		});
	}

}
