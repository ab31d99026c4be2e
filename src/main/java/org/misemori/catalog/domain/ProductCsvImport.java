package org.misemori.catalog.domain;

import java.util.List;

import org.misemori.csv.CsvError;
import org.misemori.csv.CsvTable;

/** An uploaded product file as read: its rows for the preview, its products, and every error. */
public record ProductCsvImport(CsvTable table, List<ProductCsvRow> products, List<CsvError> errors) {

	public ProductCsvImport {
		products = List.copyOf(products);
		errors = List.copyOf(errors);
	}

	public boolean valid() {
		return errors.isEmpty();
	}

	public int variantCount() {
		return products.stream().mapToInt(p -> p.variants().size()).sum();
	}

}
