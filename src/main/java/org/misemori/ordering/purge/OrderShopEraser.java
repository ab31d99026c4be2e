package org.misemori.ordering.purge;

import java.util.LinkedHashMap;
import java.util.Map;

import org.misemori.platform.ShopDataEraser;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A purged shop's orders go with the rest of it (GEO's closed site still held a million).
 * Keeping its books is the shop's duty, done from its order exports during the retention
 * period; once its keys are destroyed the buyers' sealed values could not be opened anyway.
 */
@Component
class OrderShopEraser implements ShopDataEraser {

	@Override
	public Map<String, Integer> erase(ShopId shop, JdbcClient crossShop) {
		Map<String, Integer> erased = new LinkedHashMap<>();
		erased.put("ordering.order_status_change", crossShop
			.sql("DELETE FROM ordering.order_status_change WHERE shop_id = :shop").param("shop", shop.value()).update());
		erased.put("ordering.order_line",
				crossShop.sql("DELETE FROM ordering.order_line WHERE shop_id = :shop").param("shop", shop.value()).update());
		erased.put("ordering.shop_order",
				crossShop.sql("DELETE FROM ordering.shop_order WHERE shop_id = :shop").param("shop", shop.value()).update());
		return erased;
	}

}
