package org.misemori.catalog.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogChanged;
import org.misemori.catalog.CatalogException;
import org.misemori.catalog.Category;
import org.misemori.catalog.Product;
import org.misemori.catalog.ProductId;
import org.misemori.catalog.ProductPage;
import org.misemori.catalog.ProductStatus;
import org.misemori.catalog.Variant;
import org.misemori.csv.CsvEncoding;
import org.misemori.csv.CsvError;
import org.misemori.csv.CsvImportFailed;
import org.misemori.csv.CsvReader;
import org.misemori.csv.CsvWatermark;
import org.misemori.csv.CsvWriter;
import org.misemori.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.misemori.catalog.domain.ProductCsvColumns.*;

/**
 * The catalog as CSV, one row per variant: export, and an import that creates or updates
 * products by handle (variants by SKU) through the {@link Catalog} API, so each change is
 * audited like one made on the product page, all in one transaction: a row that fails rolls
 * back the whole file. Call as the shop's tenant.
 */
@Service
public class ProductCsv {

	private static final CsvReader READER = new CsvReader(ALL, REQUIRED);

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	ProductCsv(Catalog catalog, ApplicationEventPublisher events) {
		this.catalog = catalog;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public ProductCsvImport read(byte[] file, CsvEncoding encoding) {
		Map<String, Long> categories = catalog.categories().stream()
			.collect(Collectors.toMap(c -> c.handle().value(), Category::id));
		return new ProductCsvReading(categories).read(READER.read(file, encoding));
	}

	/** Imports a file read without errors; returns how many variants it holds. */
	@Transactional
	public int importAll(ProductCsvImport file, String actor, CsvEncoding encoding) {
		if (!file.valid()) {
			throw new IllegalArgumentException("A file with errors is not imported");
		}
		int created = 0;
		for (ProductCsvRow product : file.products()) {
			created += apply(product, actor) ? 1 : 0;
		}
		changed(actor, CatalogChanged.Change.PRODUCTS_IMPORTED, "products=" + file.products().size() + " created=" + created
				+ " variants=" + file.variantCount() + " format=csv/" + encoding.charsetName());
		return file.variantCount();
	}

	private boolean apply(ProductCsvRow row, String actor) {
		Optional<Product> existing = catalog.findByHandle(row.details().handle());
		ProductId id = at(row.line(), HANDLE, () -> existing.map(Product::id).orElseGet(() -> catalog.createProduct(row.details(), actor)));
		existing.filter(p -> !p.details().equals(row.details()))
			.ifPresent(p -> at(row.line(), TITLE, () -> {
				catalog.updateProduct(id, row.details(), actor);
				return null;
			}));
		Map<String, Variant> bySku = existing.map(Product::variants).orElse(List.of()).stream()
			.collect(Collectors.toMap(Variant::sku, Function.identity()));
		for (ProductCsvRow.Line line : row.variants()) {
			Variant variant = bySku.get(line.details().sku());
			at(line.line(), SKU, () -> {
				if (variant == null) {
					catalog.addVariant(id, line.details(), actor);
				}
				else if (!variant.details().equals(line.details())) {
					catalog.updateVariant(variant.id(), line.details(), actor);
				}
				return null;
			});
		}
		boolean published = existing.map(Product::published).orElse(false);
		at(row.line(), STATUS, () -> {
			if (row.status() == ProductStatus.PUBLISHED && !published) {
				catalog.publish(id, actor);
			}
			else if (row.status() == ProductStatus.DRAFT && published) {
				catalog.unpublish(id, actor);
			}
			if (!catalog.categoriesOf(id).equals(new HashSet<>(row.categoryIds()))) {
				catalog.placeInCategories(id, new HashSet<>(row.categoryIds()), actor);
			}
			return null;
		});
		return existing.isEmpty();
	}

	private static <T> T at(long line, String column, java.util.function.Supplier<T> work) {
		try {
			return work.get();
		}
		catch (CatalogException ex) {
			throw new CsvImportFailed(CsvError.at(line, column, ex.messageKey(), ex.getArguments()), ex);
		}
	}

	/**
	 * Every product as CSV; the caller sends it only if {@link CsvWriter#errors()} is empty. Not
	 * read-only: the audit entry is written in the same transaction.
	 */
	@Transactional
	public CsvWriter export(CsvEncoding encoding, String actor) {
		Map<Long, String> categoryHandles = catalog.categories().stream()
			.collect(Collectors.toMap(Category::id, c -> c.handle().value()));
		List<Product> products = new ArrayList<>();
		ProductPage page;
		int number = 1;
		do {
			page = catalog.list(number++);
			products.addAll(page.products());
		}
		while (page.hasNext());
		products.sort(Comparator.comparing(p -> p.id().value()));
		CsvWriter file = new CsvWriter(encoding, ALL, CsvWatermark.of(actor, java.time.Instant.now()));
		int variants = 0;
		for (Product product : products) {
			String categories = catalog.categoriesOf(product.id()).stream().map(categoryHandles::get).sorted()
				.collect(Collectors.joining(" "));
			for (Variant variant : product.variants()) {
				file.row(cells(product, categories, variant));
				variants++;
			}
		}
		changed(actor, CatalogChanged.Change.PRODUCTS_EXPORTED, "products=" + products.size() + " variants=" + variants
				+ " format=csv/" + encoding.charsetName() + (file.errors().isEmpty() ? "" : " refused=unencodable"));
		return file;
	}

	private static List<String> cells(Product product, String categories, Variant variant) {
		List<String> cells = new ArrayList<>(List.of(product.handle().value(), product.title(), product.description(),
				tax(product.taxClass()), status(product.status()), categories, variant.sku()));
		for (int n = 0; n < 3; n++) {
			boolean has = n < variant.options().size();
			cells.add(has ? variant.options().get(n).label() : "");
			cells.add(has ? variant.options().get(n).value() : "");
		}
		cells.add(Long.toString(variant.priceYen()));
		cells.add(Integer.toString(variant.onHand()));
		return cells;
	}

	private void changed(String actor, CatalogChanged.Change change, String detail) {
		long shop = TenantContext.current().orElseThrow().value();
		events.publishEvent(new CatalogChanged(shop, actor, change, detail));
	}

}
