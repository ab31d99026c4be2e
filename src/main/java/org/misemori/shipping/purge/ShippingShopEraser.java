package org.misemori.shipping.purge;

import java.util.Map;

import org.misemori.platform.ShopDataEraser;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A purged shop's shipping settings go with the rest of it: nothing of a purged shop is kept. */
@Component
class ShippingShopEraser implements ShopDataEraser {

	@Override
	public Map<String, Integer> erase(ShopId shop, JdbcClient crossShop) {
		return Map.of("shipping.shop_shipping_settings", crossShop
			.sql("DELETE FROM shipping.shop_shipping_settings WHERE shop_id = :shop")
			.param("shop", shop.value())
			.update());
	}

}
