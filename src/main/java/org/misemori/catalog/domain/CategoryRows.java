package org.misemori.catalog.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.misemori.catalog.Category;
import org.misemori.catalog.Handle;
import org.misemori.catalog.ProductId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class CategoryRows {

	private final JdbcClient jdbc;

	CategoryRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long shopId, Category category) {
		return jdbc.sql("""
				INSERT INTO catalog.category (shop_id, handle, title, position)
				VALUES (:shop, :handle, :title, :position) RETURNING id""")
			.param("shop", shopId)
			.param("handle", category.handle().value())
			.param("title", category.title())
			.param("position", category.position())
			.query(Long.class)
			.single();
	}

	List<Category> all() {
		return jdbc.sql("SELECT id, handle, title, position FROM catalog.category ORDER BY position, title")
			.query(CategoryRows::category)
			.list();
	}

	Set<Long> of(ProductId product) {
		return new HashSet<>(jdbc.sql("SELECT category_id FROM catalog.product_category WHERE product_id = :product")
			.param("product", product.value())
			.query(Long.class)
			.list());
	}

	/** Replaces the product's categories; ids of no category of this shop fail on the foreign key. */
	void place(long shopId, ProductId product, Set<Long> categoryIds) {
		jdbc.sql("DELETE FROM catalog.product_category WHERE product_id = :product").param("product", product.value()).update();
		for (Long category : categoryIds) {
			jdbc.sql("INSERT INTO catalog.product_category (shop_id, category_id, product_id) VALUES (:shop, :category, :product)")
				.param("shop", shopId)
				.param("category", category)
				.param("product", product.value())
				.update();
		}
	}

	private static Category category(ResultSet row, int number) throws SQLException {
		return new Category(row.getLong("id"), new Handle(row.getString("handle")), row.getString("title"),
				row.getInt("position"));
	}

}
