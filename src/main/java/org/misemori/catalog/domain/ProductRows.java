package org.misemori.catalog.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.misemori.catalog.Handle;
import org.misemori.catalog.Product;
import org.misemori.catalog.ProductDetails;
import org.misemori.catalog.ProductId;
import org.misemori.catalog.ProductStatus;
import org.misemori.catalog.TaxClass;
import org.misemori.catalog.Variant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Product rows. No WHERE on shop_id in reads: row-level security keeps them to the current
 * shop; writes name it because the policy's WITH CHECK wants it to be the current one.
 */
@Component
class ProductRows {

	private static final String COLUMNS = "p.id, p.handle, p.title, p.description, p.tax_class, p.status, p.updated_at";

	private final JdbcClient jdbc;

	private final VariantRows variants;

	ProductRows(JdbcClient jdbc, VariantRows variants) {
		this.jdbc = jdbc;
		this.variants = variants;
	}

	long insert(long shopId, ProductDetails details) {
		return jdbc.sql("""
				INSERT INTO catalog.product (shop_id, handle, title, description, tax_class)
				VALUES (:shop, :handle, :title, :description, :taxClass) RETURNING id""")
			.param("shop", shopId)
			.param("handle", details.handle().value())
			.param("title", details.title())
			.param("description", details.description())
			.param("taxClass", details.taxClass().name())
			.query(Long.class)
			.single();
	}

	boolean update(ProductId id, ProductDetails details) {
		return jdbc.sql("""
				UPDATE catalog.product SET handle = :handle, title = :title, description = :description,
				       tax_class = :taxClass, updated_at = now()
				WHERE id = :id""")
			.param("handle", details.handle().value())
			.param("title", details.title())
			.param("description", details.description())
			.param("taxClass", details.taxClass().name())
			.param("id", id.value())
			.update() == 1;
	}

	boolean setStatus(ProductId id, ProductStatus status) {
		return jdbc.sql("UPDATE catalog.product SET status = :status, updated_at = now() WHERE id = :id")
			.param("status", status.name())
			.param("id", id.value())
			.update() == 1;
	}

	Optional<Product> find(ProductId id) {
		return withVariants(jdbc.sql("SELECT " + COLUMNS + " FROM catalog.product p WHERE p.id = :id")
			.param("id", id.value())
			.query(ProductRows::product)
			.list()).stream().findFirst();
	}

	Optional<Product> find(Handle handle) {
		return withVariants(jdbc.sql("SELECT " + COLUMNS + " FROM catalog.product p WHERE p.handle = :handle")
			.param("handle", handle.value())
			.query(ProductRows::product)
			.list()).stream().findFirst();
	}

	Optional<Product> findPublished(Handle handle) {
		return withVariants(jdbc.sql("SELECT " + COLUMNS
				+ " FROM catalog.product p WHERE p.handle = :handle AND p.status = 'PUBLISHED'")
			.param("handle", handle.value())
			.query(ProductRows::product)
			.list()).stream().findFirst();
	}

	/** One more than {@code limit} tells the caller whether a next page exists. */
	List<Product> newestFirst(int limit, int offset) {
		return withVariants(jdbc.sql("SELECT " + COLUMNS + " FROM catalog.product p ORDER BY p.id DESC LIMIT :limit OFFSET :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(ProductRows::product)
			.list());
	}

	List<Product> publishedInCategory(Handle category, int limit, int offset) {
		return withVariants(jdbc.sql("SELECT " + COLUMNS + """
				 FROM catalog.product p
				 JOIN catalog.product_category pc ON pc.shop_id = p.shop_id AND pc.product_id = p.id
				 JOIN catalog.category c ON c.shop_id = pc.shop_id AND c.id = pc.category_id
				WHERE c.handle = :category AND p.status = 'PUBLISHED'
				ORDER BY p.title, p.id LIMIT :limit OFFSET :offset""")
			.param("category", category.value())
			.param("limit", limit)
			.param("offset", offset)
			.query(ProductRows::product)
			.list());
	}

	/** {@code pattern} is an ILIKE pattern whose wildcards the caller escaped with a backslash. */
	List<Product> publishedTitled(String pattern, int limit) {
		return withVariants(jdbc.sql("SELECT " + COLUMNS + """
				 FROM catalog.product p
				WHERE p.status = 'PUBLISHED' AND p.title ILIKE :pattern ESCAPE '\\'
				ORDER BY p.title, p.id LIMIT :limit""")
			.param("pattern", pattern)
			.param("limit", limit)
			.query(ProductRows::product)
			.list());
	}

	private List<Product> withVariants(List<Product> products) {
		if (products.isEmpty()) {
			return products;
		}
		Map<Long, List<Variant>> byProduct = variants.ofProducts(products.stream().map(p -> p.id().value()).toList());
		return products.stream()
			.map(p -> new Product(p.id(), p.handle(), p.title(), p.description(), p.taxClass(), p.status(),
					byProduct.getOrDefault(p.id().value(), List.of()), p.updatedAt()))
			.toList();
	}

	private static Product product(ResultSet row, int number) throws SQLException {
		return new Product(new ProductId(row.getLong("id")), new Handle(row.getString("handle")), row.getString("title"),
				row.getString("description"), TaxClass.valueOf(row.getString("tax_class")),
				ProductStatus.valueOf(row.getString("status")), List.of(),
				row.getTimestamp("updated_at").toInstant());
	}

}
