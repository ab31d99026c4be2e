package org.misemori.theme.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The built-in default theme, read once from the class path ({@code theme/default/…}) by
 * Misemori itself. liqp never reads the class path or files: templates reach it as strings.
 */
@Component
class DefaultTheme {

	private static final String ROOT = "theme/default/";

	private final Map<String, String> files;

	DefaultTheme() {
		this.files = load();
	}

	Map<String, String> files() {
		return files;
	}

	private static Map<String, String> load() {
		Map<String, String> loaded = new TreeMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*.*")) {
				String url = resource.getURL().toString();
				String path = url.substring(url.lastIndexOf(ROOT) + ROOT.length());
				loaded.put(path, resource.getContentAsString(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Map.copyOf(loaded);
	}

}
