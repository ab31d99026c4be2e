package org.misemori.identity.purge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.misemori.platform.ShopDataEraser;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A purged shop's accounts: members, staff and everything hanging off them (tokens, second
 * factors, passkeys, campaigns), children before parents. {@code ShopPurgeIntegrationTest}
 * fails if a table with a shop_id column is left holding rows of a purged shop, so a new
 * table cannot be forgotten here unnoticed.
 */
@Component
class IdentityShopEraser implements ShopDataEraser {

	/** In foreign-key order. Constant statements: table names cannot be bound. */
	private static final List<Statement> STATEMENTS = List.of(
			new Statement("identity.member_passkey", "DELETE FROM identity.member_passkey WHERE shop_id = :shop"),
			new Statement("identity.member_passkey_user", "DELETE FROM identity.member_passkey_user WHERE shop_id = :shop"),
			new Statement("identity.member_totp", "DELETE FROM identity.member_totp WHERE shop_id = :shop"),
			new Statement("identity.member_recovery_code", "DELETE FROM identity.member_recovery_code WHERE shop_id = :shop"),
			new Statement("identity.member_email_change", "DELETE FROM identity.member_email_change WHERE shop_id = :shop"),
			new Statement("identity.member_token", "DELETE FROM identity.member_token WHERE shop_id = :shop"),
			new Statement("identity.reset_campaign_target", "DELETE FROM identity.reset_campaign_target WHERE shop_id = :shop"),
			new Statement("identity.reset_campaign_shop", "DELETE FROM identity.reset_campaign_shop WHERE shop_id = :shop"),
			new Statement("identity.staff_passkey", "DELETE FROM identity.staff_passkey WHERE shop_id = :shop"),
			new Statement("identity.staff_passkey_user", "DELETE FROM identity.staff_passkey_user WHERE shop_id = :shop"),
			new Statement("identity.staff_totp", "DELETE FROM identity.staff_totp WHERE shop_id = :shop"),
			new Statement("identity.staff_recovery_code", "DELETE FROM identity.staff_recovery_code WHERE shop_id = :shop"),
			new Statement("identity.staff_invitation", "DELETE FROM identity.staff_invitation WHERE shop_id = :shop"),
			new Statement("identity.staff_reset_token", "DELETE FROM identity.staff_reset_token WHERE shop_id = :shop"),
			new Statement("identity.member_delivery_address", "DELETE FROM identity.member_delivery_address WHERE shop_id = :shop"),
			new Statement("identity.member_account", "DELETE FROM identity.member_account WHERE shop_id = :shop"),
			new Statement("identity.staff_account", "DELETE FROM identity.staff_account WHERE shop_id = :shop"));

	@Override
	public Map<String, Integer> erase(ShopId shop, JdbcClient crossShop) {
		Map<String, Integer> erased = new LinkedHashMap<>();
		for (Statement statement : STATEMENTS) {
			erased.put(statement.table(), crossShop.sql(statement.sql()).param("shop", shop.value()).update());
		}
		return erased;
	}

	private record Statement(String table, String sql) {
	}

}
