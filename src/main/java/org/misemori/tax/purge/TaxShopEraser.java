package org.misemori.tax.purge;

import java.util.Map;

import org.misemori.platform.ShopDataEraser;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A purged shop's tax settings go with the rest of it: its registration number names its owner. */
@Component
class TaxShopEraser implements ShopDataEraser {

	@Override
	public Map<String, Integer> erase(ShopId shop, JdbcClient crossShop) {
		return Map.of("tax.shop_tax_settings",
				crossShop.sql("DELETE FROM tax.shop_tax_settings WHERE shop_id = :shop").param("shop", shop.value()).update());
	}

}
