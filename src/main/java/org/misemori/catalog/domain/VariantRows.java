package org.misemori.catalog.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.misemori.catalog.ProductId;
import org.misemori.catalog.Variant;
import org.misemori.catalog.VariantDetails;
import org.misemori.catalog.VariantId;
import org.misemori.catalog.VariantOption;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Variant rows: options as three label/value column pairs, price and stock. */
@Component
class VariantRows {

	private static final String COLUMNS = """
			id, product_id, sku, option1_label, option1_value, option2_label, option2_value,
			option3_label, option3_value, price_yen, on_hand, reserved""";

	private final JdbcClient jdbc;

	VariantRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long shopId, ProductId product, VariantDetails details) {
		return withOptions(jdbc.sql("""
				INSERT INTO catalog.variant (shop_id, product_id, sku, option1_label, option1_value, option2_label,
				       option2_value, option3_label, option3_value, price_yen, on_hand)
				VALUES (:shop, :product, :sku, :l1, :v1, :l2, :v2, :l3, :v3, :price, :onHand) RETURNING id""")
			.param("shop", shopId)
			.param("product", product.value()), details.options())
			.param("sku", details.sku())
			.param("price", details.priceYen())
			.param("onHand", details.onHand())
			.query(Long.class)
			.single();
	}

	/** False if the variant is not there or on hand would fall below what checkouts hold. */
	boolean update(VariantId id, VariantDetails details) {
		return withOptions(jdbc.sql("""
				UPDATE catalog.variant SET sku = :sku, option1_label = :l1, option1_value = :v1, option2_label = :l2,
				       option2_value = :v2, option3_label = :l3, option3_value = :v3, price_yen = :price,
				       on_hand = :onHand, updated_at = now()
				WHERE id = :id AND reserved <= :onHand""")
			.param("id", id.value()), details.options())
			.param("sku", details.sku())
			.param("price", details.priceYen())
			.param("onHand", details.onHand())
			.update() == 1;
	}

	Optional<Variant> find(VariantId id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.variant WHERE id = :id")
			.param("id", id.value())
			.query(VariantRows::variant)
			.optional();
	}

	/** One statement: an add to cart asks only this, not for the whole product. */
	boolean isForSale(VariantId id) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM catalog.variant v
				               JOIN catalog.product p ON p.shop_id = v.shop_id AND p.id = v.product_id
				               WHERE v.id = :id AND p.status = 'PUBLISHED')""")
			.param("id", id.value())
			.query(Boolean.class)
			.single();
	}

	Map<Long, List<Variant>> ofProducts(List<Long> productIds) {
		Map<Long, List<Variant>> byProduct = new LinkedHashMap<>();
		jdbc.sql("SELECT " + COLUMNS + " FROM catalog.variant WHERE product_id IN (:ids) ORDER BY id")
			.param("ids", productIds)
			.query(VariantRows::variant)
			.list()
			.forEach(v -> byProduct.computeIfAbsent(v.productId().value(), k -> new ArrayList<>()).add(v));
		return byProduct;
	}

	private static JdbcClient.StatementSpec withOptions(JdbcClient.StatementSpec statement, List<VariantOption> options) {
		for (int i = 0; i < 3; i++) {
			VariantOption option = i < options.size() ? options.get(i) : null;
			statement = statement.param(OPTION_LABELS.get(i), option == null ? null : option.label())
				.param(OPTION_VALUES.get(i), option == null ? null : option.value());
		}
		return statement;
	}

	private static final List<String> OPTION_LABELS = List.of("l1", "l2", "l3");

	/** Column names built once, not per row read (a category page reads 50 variants). */
	private static final List<String> OPTION_LABEL_COLUMNS = List.of("option1_label", "option2_label", "option3_label");

	private static final List<String> OPTION_VALUE_COLUMNS = List.of("option1_value", "option2_value", "option3_value");

	private static final List<String> OPTION_VALUES = List.of("v1", "v2", "v3");

	private static Variant variant(ResultSet row, int number) throws SQLException {
		List<VariantOption> options = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String label = row.getString(OPTION_LABEL_COLUMNS.get(i));
			if (label != null) {
				options.add(new VariantOption(label, row.getString(OPTION_VALUE_COLUMNS.get(i))));
			}
		}
		return new Variant(new VariantId(row.getLong("id")), new ProductId(row.getLong("product_id")), row.getString("sku"),
				options, row.getLong("price_yen"), row.getInt("on_hand"), row.getInt("reserved"));
	}

}
