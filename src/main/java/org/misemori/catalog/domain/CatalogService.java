package org.misemori.catalog.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogChanged;
import org.misemori.catalog.CatalogChanged.Change;
import org.misemori.catalog.CatalogException;
import org.misemori.catalog.Category;
import org.misemori.catalog.Handle;
import org.misemori.catalog.Product;
import org.misemori.catalog.ProductDetails;
import org.misemori.catalog.ProductId;
import org.misemori.catalog.ProductPage;
import org.misemori.catalog.ProductStatus;
import org.misemori.catalog.Quantity;
import org.misemori.catalog.VariantDetails;
import org.misemori.catalog.VariantId;
import org.misemori.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class CatalogService implements Catalog {

	static final int MAX_QUERY = 100;

	static final int MAX_PAGE = 1_000;

	private final ProductRows products;

	private final VariantRows variants;

	private final CategoryRows categories;

	private final StockRows stock;

	private final ApplicationEventPublisher events;

	CatalogService(ProductRows products, VariantRows variants, CategoryRows categories, StockRows stock,
			ApplicationEventPublisher events) {
		this.products = products;
		this.variants = variants;
		this.categories = categories;
		this.stock = stock;
		this.events = events;
	}

	@Override
	public ProductId createProduct(ProductDetails details, String actor) {
		ProductId id = new ProductId(unique("catalog.handle.taken", () -> products.insert(shop(), details)));
		changed(actor, Change.PRODUCT_CREATED, "product=" + id.value() + " handle=" + details.handle() + " tax=" + details.taxClass());
		return id;
	}

	@Override
	public void updateProduct(ProductId product, ProductDetails details, String actor) {
		found(unique("catalog.handle.taken", () -> products.update(product, details)));
		changed(actor, Change.PRODUCT_UPDATED, "product=" + product.value() + " handle=" + details.handle() + " tax=" + details.taxClass());
	}

	@Override
	public VariantId addVariant(ProductId product, VariantDetails details, String actor) {
		found(products.find(product).isPresent());
		VariantId id = new VariantId(unique("catalog.sku.taken", () -> variants.insert(shop(), product, details)));
		changed(actor, Change.VARIANT_ADDED, "product=" + product.value() + " variant=" + id.value() + " sku=" + details.sku()
				+ " priceYen=" + details.priceYen() + " onHand=" + details.onHand());
		return id;
	}

	@Override
	public void updateVariant(VariantId variant, VariantDetails details, String actor) {
		var before = variants.find(variant).orElseThrow(() -> new CatalogException("catalog.not-found"));
		if (!unique("catalog.sku.taken", () -> variants.update(variant, details))) {
			throw new CatalogException("catalog.stock.below-reserved", before.reserved());
		}
		changed(actor, Change.VARIANT_UPDATED, "variant=" + variant.value() + " sku=" + details.sku() + " priceYen="
				+ before.priceYen() + "->" + details.priceYen() + " onHand=" + before.onHand() + "->" + details.onHand());
	}

	@Override
	public void publish(ProductId product, String actor) {
		found(products.setStatus(product, ProductStatus.PUBLISHED));
		changed(actor, Change.PRODUCT_PUBLISHED, "product=" + product.value());
	}

	@Override
	public void unpublish(ProductId product, String actor) {
		found(products.setStatus(product, ProductStatus.DRAFT));
		changed(actor, Change.PRODUCT_UNPUBLISHED, "product=" + product.value());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Product> find(ProductId product) {
		return products.find(product);
	}

	@Override
	@Transactional(readOnly = true)
	public ProductPage list(int page) {
		int number = pageNumber(page);
		return page(products.newestFirst(ProductPage.SIZE + 1, (number - 1) * ProductPage.SIZE), number);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Product> findByHandle(Handle handle) {
		return products.find(handle);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Product> findPublishedByHandle(String handle) {
		return Handle.parse(handle).flatMap(products::findPublished);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Product> findPublishedByVariant(VariantId variant) {
		return variants.find(variant).flatMap(found -> products.find(found.productId())).filter(Product::published);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isForSale(VariantId variant) {
		return variants.isForSale(variant);
	}

	@Override
	@Transactional(readOnly = true)
	public ProductPage listPublishedInCategory(String categoryHandle, int page) {
		int number = pageNumber(page);
		return Handle.parse(categoryHandle)
			.map(category -> page(products.publishedInCategory(category, ProductPage.SIZE + 1,
					(number - 1) * ProductPage.SIZE), number))
			.orElse(new ProductPage(List.of(), number, false));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Product> search(String query) {
		String text = query == null ? "" : query.strip();
		if (text.isEmpty()) {
			return List.of();
		}
		if (text.length() > MAX_QUERY) {
			throw new CatalogException("catalog.search.too-long", MAX_QUERY);
		}
		// The shopper's % and _ are letters to look for, not wildcards.
		String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return products.publishedTitled("%" + escaped + "%", ProductPage.SIZE);
	}

	@Override
	public long createCategory(Category category, String actor) {
		long id = unique("catalog.handle.taken", () -> categories.insert(shop(), category));
		changed(actor, Change.CATEGORY_CREATED, "category=" + id + " handle=" + category.handle());
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Category> categories() {
		return categories.all();
	}

	@Override
	public void placeInCategories(ProductId product, Set<Long> categoryIds, String actor) {
		found(products.find(product).isPresent());
		try {
			categories.place(shop(), product, categoryIds);
		}
		catch (DataIntegrityViolationException ex) {
			throw new CatalogException("catalog.not-found");
		}
		changed(actor, Change.PRODUCT_CATEGORIES_CHANGED, "product=" + product.value() + " categories=" + categoryIds);
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Long> categoriesOf(ProductId product) {
		return categories.of(product);
	}

	@Override
	public boolean reserve(VariantId variant, Quantity quantity) {
		return stock.reserve(variant, quantity);
	}

	@Override
	public void release(VariantId variant, Quantity quantity) {
		if (!stock.release(variant, quantity)) {
			throw new CatalogException("catalog.stock.not-reserved");
		}
	}

	@Override
	public void commit(VariantId variant, Quantity quantity) {
		if (!stock.commit(variant, quantity)) {
			throw new CatalogException("catalog.stock.not-reserved");
		}
	}

	private static ProductPage page(List<Product> rows, int number) {
		boolean more = rows.size() > ProductPage.SIZE;
		return new ProductPage(more ? rows.subList(0, ProductPage.SIZE) : rows, number, more);
	}

	private static int pageNumber(int page) {
		if (page < 1 || page > MAX_PAGE) {
			throw new CatalogException("catalog.page.range", MAX_PAGE);
		}
		return page;
	}

	private static <T> T unique(String messageKey, Supplier<T> write) {
		try {
			return write.get();
		}
		catch (DuplicateKeyException ex) {
			throw new CatalogException(messageKey);
		}
	}

	private static void found(boolean found) {
		if (!found) {
			throw new CatalogException("catalog.not-found");
		}
	}

	private static long shop() {
		return TenantContext.current().orElseThrow(() -> new IllegalStateException("No current shop")).value();
	}

	private void changed(String actor, Change change, String detail) {
		events.publishEvent(new CatalogChanged(shop(), actor, change, detail));
	}

}
