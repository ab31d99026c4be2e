package org.misemori.vault.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A shop's stored FIELDS keyset, as rotation changes it: on the cross-shop role (the runtime
 * role may create a shop's keys but never change them), locked while it is changed so that two
 * changes at once cannot lose one.
 */
final class FieldKeysetRow {

	private FieldKeysetRow() {
	}

	static byte[] lock(JdbcClient crossShop, ShopId shop) {
		return crossShop.sql("""
				SELECT wrapped_keyset FROM vault.shop_keyset WHERE shop_id = :shop AND purpose = 'FIELDS' FOR UPDATE""")
			.param("shop", shop.value())
			.query(byte[].class)
			.single();
	}

	static void replace(JdbcClient crossShop, ShopId shop, byte[] wrapped, String kekId, Instant rotatedAt) {
		crossShop.sql("""
				UPDATE vault.shop_keyset SET wrapped_keyset = :wrapped, kek_id = :kek, rotated_at = :at
				WHERE shop_id = :shop AND purpose = 'FIELDS'""")
			.param("wrapped", wrapped)
			.param("kek", kekId)
			.param("at", Timestamp.from(rotatedAt))
			.param("shop", shop.value())
			.update();
	}

}
