package org.misemori.storefront.policy;

import java.util.Map;

import org.misemori.platform.ShopDataEraser;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A purged shop's policy texts go with it. */
@Component
class StorefrontShopEraser implements ShopDataEraser {

	@Override
	public Map<String, Integer> erase(ShopId shop, JdbcClient crossShop) {
		return Map.of("storefront.shop_policy",
				crossShop.sql("DELETE FROM storefront.shop_policy WHERE shop_id = :shop").param("shop", shop.value()).update());
	}

}
