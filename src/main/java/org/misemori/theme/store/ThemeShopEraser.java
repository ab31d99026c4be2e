package org.misemori.theme.store;

import java.util.Map;

import org.misemori.platform.ShopDataEraser;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A purged shop's theme: every version of every file. */
@Component
class ThemeShopEraser implements ShopDataEraser {

	@Override
	public Map<String, Integer> erase(ShopId shop, JdbcClient crossShop) {
		return Map.of("theme.template_version",
				crossShop.sql("DELETE FROM theme.template_version WHERE shop_id = :shop").param("shop", shop.value()).update());
	}

}
