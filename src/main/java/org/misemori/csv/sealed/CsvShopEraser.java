package org.misemori.csv.sealed;

import java.util.Map;

import org.misemori.platform.ShopDataEraser;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A purged shop's uploads waiting for their import go with it. */
@Component
class CsvShopEraser implements ShopDataEraser {

	@Override
	public Map<String, Integer> erase(ShopId shop, JdbcClient crossShop) {
		return Map.of("csv.upload",
				crossShop.sql("DELETE FROM csv.upload WHERE shop_id = :shop").param("shop", shop.value()).update());
	}

}
