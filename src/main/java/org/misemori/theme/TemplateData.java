package org.misemori.theme;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The only model a theme template gets: maps with string keys, lists, strings, numbers and
 * booleans, copied. Never a Java object — a template given a Java object can walk from it to
 * whatever it references, and liqp would read a POJO's properties by reflection. Anything else
 * is refused here, before a template runs.
 */
public final class TemplateData {

	private static final int MAX_DEPTH = 12;

	private final Map<String, Object> values;

	private TemplateData(Map<String, Object> values) {
		this.values = values;
	}

	/** Checks and copies {@code model}; throws {@link ThemeRenderProblem.Kind#NOT_PLAIN_DATA} naming the first offending key. */
	public static TemplateData of(Map<String, ?> model) {
		return new TemplateData(copyMap(model, "", 0));
	}

	public static TemplateData empty() {
		return new TemplateData(Map.of());
	}

	/** A new model with {@code key} set to {@code value} (checked like the rest). */
	public TemplateData with(String key, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(values);
		copy.put(key, plain(value, key, 0));
		return new TemplateData(Collections.unmodifiableMap(copy));
	}

	public Map<String, Object> asMap() {
		return values;
	}

	private static Map<String, Object> copyMap(Map<?, ?> map, String path, int depth) {
		Map<String, Object> copy = new LinkedHashMap<>();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!(entry.getKey() instanceof String key)) {
				throw notPlain(path + "[" + entry.getKey() + "]", entry.getKey());
			}
			String keyPath = path.isEmpty() ? key : path + "." + key;
			copy.put(key, plain(entry.getValue(), keyPath, depth + 1));
		}
		return Collections.unmodifiableMap(copy);
	}

	private static Object plain(Object value, String path, int depth) {
		if (depth > MAX_DEPTH) {
			throw new ThemeRenderProblem(ThemeRenderProblem.Kind.NOT_PLAIN_DATA, path, "nested deeper than " + MAX_DEPTH);
		}
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
				|| value instanceof Long || value instanceof Double || value instanceof BigDecimal) {
			return value;
		}
		if (value instanceof BigInteger big) {
			return new BigDecimal(big);
		}
		if (value instanceof Map<?, ?> map) {
			return copyMap(map, path, depth);
		}
		if (value instanceof Collection<?> collection) {
			List<Object> copy = new ArrayList<>(collection.size());
			int index = 0;
			for (Object element : collection) {
				copy.add(plain(element, path + "[" + index++ + "]", depth + 1));
			}
			return Collections.unmodifiableList(copy);
		}
		throw notPlain(path, value);
	}

	private static ThemeRenderProblem notPlain(String path, Object value) {
		return new ThemeRenderProblem(ThemeRenderProblem.Kind.NOT_PLAIN_DATA, path, value.getClass().getName());
	}

}
