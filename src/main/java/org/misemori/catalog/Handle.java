package org.misemori.catalog;

import java.util.regex.Pattern;

/**
 * The name of a product or category in its URL ({@code /products/{handle}}): lower-case
 * letters, digits and hyphens, as Shopify's handles, so a URL never needs escaping.
 */
public record Handle(String value) {

	private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

	public Handle {
		if (value == null || value.isBlank()) {
			throw new CatalogException("catalog.handle.empty");
		}
		if (value.length() > 100) {
			throw new CatalogException("catalog.handle.too-long", 100);
		}
		if (!SHAPE.matcher(value).matches()) {
			throw new CatalogException("catalog.handle.shape");
		}
	}

	/** A handle from a URL: anything not shaped like one simply finds nothing. */
	public static java.util.Optional<Handle> parse(String value) {
		return value != null && value.length() <= 100 && SHAPE.matcher(value).matches()
				? java.util.Optional.of(new Handle(value)) : java.util.Optional.empty();
	}

	@Override
	public String toString() {
		return value;
	}

}
