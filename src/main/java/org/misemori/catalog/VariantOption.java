package org.misemori.catalog;

/** One named option of a variant, e.g. サイズ = M or 色 = 藍. */
public record VariantOption(String label, String value) {

	public VariantOption {
		label = label == null ? "" : label.strip();
		value = value == null ? "" : value.strip();
		if (label.isEmpty() || value.isEmpty()) {
			throw new CatalogException("catalog.option.incomplete");
		}
		if (label.length() > 30 || value.length() > 50) {
			throw new CatalogException("catalog.option.too-long", 30, 50);
		}
	}

}
