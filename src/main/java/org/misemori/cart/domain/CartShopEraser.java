package org.misemori.cart.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import org.misemori.platform.ShopDataEraser;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A purged shop's carts go with it: lines first, then the carts they belong to. */
@Component
class CartShopEraser implements ShopDataEraser {

	@Override
	public Map<String, Integer> erase(ShopId shop, JdbcClient crossShop) {
		Map<String, Integer> erased = new LinkedHashMap<>();
		erased.put("cart.cart_line",
				crossShop.sql("DELETE FROM cart.cart_line WHERE shop_id = :shop").param("shop", shop.value()).update());
		erased.put("cart.cart", crossShop.sql("DELETE FROM cart.cart WHERE shop_id = :shop").param("shop", shop.value()).update());
		return erased;
	}

}
