package org.misemori.theme.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.misemori.theme.ShopTheme;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The theme's words in one language, from {@code locales/<language>.json} (nested objects,
 * looked up by dotted keys as Shopify themes do: {@code {{ 'cart.title' | t }}}). A broken
 * file gives no translations, so the keys show, rather than an error page.
 */
@Component
class Translations {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ShopTheme theme;

	Translations(ShopTheme theme) {
		this.theme = theme;
	}

	Map<String, String> of(String language) {
		Map<String, String> flat = new LinkedHashMap<>();
		theme.current("locales/" + language + ".json").ifPresent(file -> {
			try {
				flatten("", JSON.readValue(file.body(), Map.class), flat);
			}
			catch (RuntimeException ex) {
				flat.clear();
			}
		});
		return flat;
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
