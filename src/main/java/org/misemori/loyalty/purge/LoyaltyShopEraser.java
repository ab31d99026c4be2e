package org.misemori.loyalty.purge;

import java.util.LinkedHashMap;
import java.util.Map;

import org.misemori.platform.ShopDataEraser;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A purged shop's points and coupons go with it; rows before the rows they refer to. */
@Component
class LoyaltyShopEraser implements ShopDataEraser {

	@Override
	public Map<String, Integer> erase(ShopId shop, JdbcClient crossShop) {
		long id = shop.value();
		Map<String, Integer> erased = new LinkedHashMap<>();
		erased.put("loyalty.coupon_redemption",
				crossShop.sql("DELETE FROM loyalty.coupon_redemption WHERE shop_id = :shop").param("shop", id).update());
		erased.put("loyalty.coupon", crossShop.sql("DELETE FROM loyalty.coupon WHERE shop_id = :shop").param("shop", id).update());
		erased.put("loyalty.points_entry",
				crossShop.sql("DELETE FROM loyalty.points_entry WHERE shop_id = :shop").param("shop", id).update());
		erased.put("loyalty.points_account",
				crossShop.sql("DELETE FROM loyalty.points_account WHERE shop_id = :shop").param("shop", id).update());
		erased.put("loyalty.points_settings",
				crossShop.sql("DELETE FROM loyalty.points_settings WHERE shop_id = :shop").param("shop", id).update());
		return erased;
	}

}
