package org.misemori.catalog.domain;

import java.util.List;

import org.misemori.catalog.ProductDetails;
import org.misemori.catalog.ProductStatus;
import org.misemori.catalog.VariantDetails;

/** One product of an import: its fields from its first line, and its variants with their lines. */
record ProductCsvRow(long line, ProductDetails details, ProductStatus status, List<Long> categoryIds,
		List<Line> variants) {

	ProductCsvRow {
		categoryIds = List.copyOf(categoryIds);
		variants = List.copyOf(variants);
	}

	record Line(long line, VariantDetails details) {
	}

}
