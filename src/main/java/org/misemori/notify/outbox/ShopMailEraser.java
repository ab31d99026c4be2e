package org.misemori.notify.outbox;

import java.util.Map;

import org.misemori.platform.ShopDataEraser;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A purged shop's mail, sent or not: addresses, names and links are personal data too. */
@Component
class ShopMailEraser implements ShopDataEraser {

	@Override
	public Map<String, Integer> erase(ShopId shop, JdbcClient crossShop) {
		return Map.of("notify.outbox_mail",
				crossShop.sql("DELETE FROM notify.outbox_mail WHERE shop_id = :shop").param("shop", shop.value()).update());
	}

}
