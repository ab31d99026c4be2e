package org.misemori.payment.purge;

import java.util.LinkedHashMap;
import java.util.Map;

import org.misemori.platform.ShopDataEraser;
import org.misemori.platform.ShopId;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A purged shop's payments, its card page choice and its bank account go with the rest of it.
 * First among the erasers: a payment refers to its order, so it must go before the order does.
 * The attempt counts and stops keyed by the shop are platform rows that expire or name the shop
 * only by id; they are left to their own housekeeping.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentShopEraser implements ShopDataEraser {

	@Override
	public Map<String, Integer> erase(ShopId shop, JdbcClient crossShop) {
		Map<String, Integer> erased = new LinkedHashMap<>();
		erased.put("payment.provider_event", crossShop.sql("DELETE FROM payment.provider_event WHERE shop_id = :shop")
			.param("shop", shop.value())
			.update());
		erased.put("payment.order_payment", crossShop.sql("DELETE FROM payment.order_payment WHERE shop_id = :shop")
			.param("shop", shop.value())
			.update());
		erased.put("payment.shop_payment_settings", crossShop
			.sql("DELETE FROM payment.shop_payment_settings WHERE shop_id = :shop")
			.param("shop", shop.value())
			.update());
		erased.put("payment.shop_bank_account", crossShop
			.sql("DELETE FROM payment.shop_bank_account WHERE shop_id = :shop")
			.param("shop", shop.value())
			.update());
		return erased;
	}

}
