package org.misemori.catalog.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.misemori.platform.ShopDataEraser;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A purged shop's catalog goes with it. */
@Component
class CatalogShopEraser implements ShopDataEraser {

	/** In foreign-key order. Constant statements: table names cannot be bound. */
	private static final List<Statement> STATEMENTS = List.of(
			new Statement("catalog.product_image", "DELETE FROM catalog.product_image WHERE shop_id = :shop"),
			new Statement("catalog.product_category", "DELETE FROM catalog.product_category WHERE shop_id = :shop"),
			new Statement("catalog.variant", "DELETE FROM catalog.variant WHERE shop_id = :shop"),
			new Statement("catalog.category", "DELETE FROM catalog.category WHERE shop_id = :shop"),
			new Statement("catalog.product", "DELETE FROM catalog.product WHERE shop_id = :shop"));

	@Override
	public Map<String, Integer> erase(ShopId shop, JdbcClient crossShop) {
		Map<String, Integer> erased = new LinkedHashMap<>();
		for (Statement statement : STATEMENTS) {
			erased.put(statement.table(), crossShop.sql(statement.sql()).param("shop", shop.value()).update());
		}
		return erased;
	}

	private record Statement(String table, String sql) {
	}

}
