package org.misemori.catalog.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.misemori.catalog.CatalogException;
import org.misemori.catalog.Handle;
import org.misemori.catalog.ProductDetails;
import org.misemori.catalog.ProductStatus;
import org.misemori.catalog.TaxClass;
import org.misemori.catalog.VariantDetails;
import org.misemori.catalog.VariantOption;
import org.misemori.csv.CsvError;
import org.misemori.csv.CsvRow;
import org.misemori.csv.CsvTable;

import static org.misemori.catalog.domain.ProductCsvColumns.*;

/**
 * Turns the rows of a product CSV into products and variants, collecting every error with its
 * line and column; the catalog's own rules (handle shape, SKU, price and stock limits) speak
 * through their {@link CatalogException} keys. Nothing is written here.
 */
final class ProductCsvReading {

	private final Map<String, Long> categories;

	private final List<CsvError> errors = new ArrayList<>();

	private final Map<String, Builder> products = new LinkedHashMap<>();

	private final Map<String, Long> skus = new HashMap<>();

	private String lastHandle;

	ProductCsvReading(Map<String, Long> categoryIdsByHandle) {
		this.categories = Map.copyOf(categoryIdsByHandle);
	}

	ProductCsvImport read(CsvTable table) {
		errors.addAll(table.errors());
		table.rows().forEach(this::row);
		List<ProductCsvRow> read = products.values().stream().map(Builder::build).toList();
		return new ProductCsvImport(table, read, errors);
	}

	private void row(CsvRow row) {
		Handle handle;
		try {
			handle = new Handle(row.get(HANDLE));
		}
		catch (CatalogException ex) {
			errors.add(error(row, HANDLE, ex));
			return;
		}
		Builder product = products.get(handle.value());
		if (product == null) {
			product = first(row, handle);
			products.put(handle.value(), product);
		}
		else if (!handle.value().equals(lastHandle)) {
			errors.add(CsvError.at(row.line(), HANDLE, "csv.product.handle-apart", product.firstRow.line()));
		}
		else {
			sameProduct(row, product.firstRow);
		}
		lastHandle = handle.value();
		variant(row).ifPresent(product.variants::add);
	}

	/** The product as its first row gives it; its details are null when they are wrong (the errors say why). */
	private Builder first(CsvRow row, Handle handle) {
		TaxClass tax = taxClass(row.get(TAX));
		ProductStatus status = status(row.get(STATUS));
		if (tax == null) {
			errors.add(CsvError.at(row.line(), TAX, "csv.product.tax"));
		}
		if (status == null) {
			errors.add(CsvError.at(row.line(), STATUS, "csv.product.status"));
		}
		List<Long> categoryIds = new ArrayList<>();
		for (String category : row.get(CATEGORIES).split("[\\s　]+")) {
			if (!category.isEmpty() && categories.containsKey(category)) {
				categoryIds.add(categories.get(category));
			}
			else if (!category.isEmpty()) {
				errors.add(CsvError.at(row.line(), CATEGORIES, "csv.product.category-unknown", category));
			}
		}
		ProductDetails details = null;
		try {
			details = new ProductDetails(handle, row.cells().getOrDefault(TITLE, ""), row.cells().getOrDefault(DESCRIPTION, ""),
					tax == null ? TaxClass.STANDARD : tax);
		}
		catch (CatalogException ex) {
			errors.add(error(row, ex.messageKey().startsWith("catalog.description") ? DESCRIPTION : TITLE, ex));
		}
		return new Builder(row, details, status, categoryIds);
	}

	private void sameProduct(CsvRow row, CsvRow first) {
		for (String column : PRODUCT_FIELDS) {
			if (!row.get(column).isEmpty() && !row.get(column).equals(first.get(column))) {
				errors.add(CsvError.at(row.line(), column, "csv.product.differs", first.line()));
			}
		}
	}

	private Optional<ProductCsvRow.Line> variant(CsvRow row) {
		int before = errors.size();
		Long price = number(row, PRICE, 9, "csv.product.price");
		Long stock = row.get(STOCK).isEmpty() ? Long.valueOf(0) : number(row, STOCK, 7, "csv.product.stock");
		List<VariantOption> options = new ArrayList<>();
		for (int n = 1; n <= 3; n++) {
			String name = row.get(optionName(n));
			String value = row.get(optionValue(n));
			if (name.isEmpty() && value.isEmpty()) {
				continue;
			}
			try {
				options.add(new VariantOption(name, value));
			}
			catch (CatalogException ex) {
				errors.add(error(row, name.isEmpty() ? optionName(n) : optionValue(n), ex));
			}
		}
		Long seen = skus.putIfAbsent(row.get(SKU), row.line());
		if (seen != null && !row.get(SKU).isEmpty()) {
			errors.add(CsvError.at(row.line(), SKU, "csv.product.sku-repeated", seen));
		}
		if (errors.size() > before) {
			return Optional.empty();
		}
		try {
			return Optional.of(new ProductCsvRow.Line(row.line(), new VariantDetails(row.get(SKU), options, price, stock.intValue())));
		}
		catch (CatalogException ex) {
			errors.add(error(row, ex.messageKey().startsWith("catalog.price") ? PRICE
					: ex.messageKey().startsWith("catalog.stock") ? STOCK : SKU, ex));
			return Optional.empty();
		}
	}

	/** Digits as Excel or a Japanese keyboard writes them: 1,650 / １６５０ / ¥1,650 / 1650円. */
	private Long number(CsvRow row, String column, int maxDigits, String problem) {
		String cell = Normalizer.normalize(row.get(column), Normalizer.Form.NFKC).replaceAll("[,¥\\\\円]", "").strip();
		if (!cell.matches("\\d{1," + maxDigits + "}")) {
			errors.add(CsvError.at(row.line(), column, problem, row.get(column)));
			return null;
		}
		return Long.valueOf(cell);
	}

	private static CsvError error(CsvRow row, String column, CatalogException ex) {
		return CsvError.at(row.line(), column, ex.messageKey(), ex.getArguments());
	}

	private static final class Builder {

		private final CsvRow firstRow;

		private final ProductDetails details;

		private final ProductStatus status;

		private final List<Long> categoryIds;

		private final List<ProductCsvRow.Line> variants = new ArrayList<>();

		Builder(CsvRow firstRow, ProductDetails details, ProductStatus status, List<Long> categoryIds) {
			this.firstRow = firstRow;
			this.details = details;
			this.status = status;
			this.categoryIds = categoryIds;
		}

		ProductCsvRow build() {
			return new ProductCsvRow(firstRow.line(), details, status, categoryIds, variants);
		}

	}

}
