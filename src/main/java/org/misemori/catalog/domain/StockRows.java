package org.misemori.catalog.domain;

import org.misemori.catalog.Quantity;
import org.misemori.catalog.VariantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stock moves, each one conditional UPDATE. PostgreSQL locks the row and re-checks the
 * condition against the latest committed version, so of fifty buyers racing for ten units
 * exactly ten find their WHERE true; the table's CHECKs are the backstop.
 */
@Component
class StockRows {

	private final JdbcClient jdbc;

	StockRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Only a published product's variant can be held: one unpublished mid-checkout is not sold. */
	boolean reserve(VariantId variant, Quantity quantity) {
		return jdbc.sql("""
				UPDATE catalog.variant v SET reserved = v.reserved + :q, updated_at = now()
				WHERE v.id = :id AND v.on_hand - v.reserved >= :q
				  AND EXISTS (SELECT 1 FROM catalog.product p
				              WHERE p.shop_id = v.shop_id AND p.id = v.product_id AND p.status = 'PUBLISHED')""")
			.param("q", quantity.value())
			.param("id", variant.value())
			.update() == 1;
	}

	boolean release(VariantId variant, Quantity quantity) {
		return jdbc.sql("""
				UPDATE catalog.variant SET reserved = reserved - :q, updated_at = now()
				WHERE id = :id AND reserved >= :q""")
			.param("q", quantity.value())
			.param("id", variant.value())
			.update() == 1;
	}

	boolean commit(VariantId variant, Quantity quantity) {
		return jdbc.sql("""
				UPDATE catalog.variant SET on_hand = on_hand - :q, reserved = reserved - :q, updated_at = now()
				WHERE id = :id AND reserved >= :q""")
			.param("q", quantity.value())
			.param("id", variant.value())
			.update() == 1;
	}

}
