package org.misemori.ordering.purge;

import java.util.List;

import org.misemori.vault.SealedRows;
import org.misemori.vault.SealedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders' sealed columns, offered to key rotation. A sealed column added to orders later must
 * be added here with its migration, or it would stop opening once a rotation ends.
 */
@Configuration(proxyBeanMethods = false)
class OrderSealedRows {

	private static final String DUE = """
			shop_id = :shop AND (substring(buyer_name_sealed from 1 for 5) <> :p
			  OR substring(buyer_kana_sealed from 1 for 5) <> :p OR substring(buyer_email_sealed from 1 for 5) <> :p
			  OR substring(buyer_phone_sealed from 1 for 5) <> :p OR substring(recipient_name_sealed from 1 for 5) <> :p
			  OR substring(recipient_phone_sealed from 1 for 5) <> :p OR substring(postal_code_sealed from 1 for 5) <> :p
			  OR substring(prefecture_sealed from 1 for 5) <> :p OR substring(address_sealed from 1 for 5) <> :p
			  OR substring(building_sealed from 1 for 5) <> :p OR substring(note_sealed from 1 for 5) <> :p)""";

	private static final String COUNT = "SELECT count(*) FROM ordering.shop_order WHERE " + DUE;

	private static final String SELECT = """
			SELECT id AS row_key, id AS record_id, buyer_name_sealed, buyer_kana_sealed, buyer_email_sealed,
			       buyer_phone_sealed, recipient_name_sealed, recipient_phone_sealed, postal_code_sealed,
			       prefecture_sealed, address_sealed, building_sealed, note_sealed
			FROM ordering.shop_order""" + " WHERE " + DUE + " AND id > :after ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED";

	private static final String UPDATE = """
			UPDATE ordering.shop_order
			SET buyer_name_sealed = ?, buyer_kana_sealed = ?, buyer_email_sealed = ?, buyer_phone_sealed = ?,
			    recipient_name_sealed = ?, recipient_phone_sealed = ?, postal_code_sealed = ?, prefecture_sealed = ?,
			    address_sealed = ?, building_sealed = ?, note_sealed = ?
			WHERE shop_id = ? AND id = ?""";

	@Bean
	SealedRows shopOrderSealedRows(JdbcClient jdbc, JdbcTemplate batches) {
		return new SealedTable(jdbc, batches, "ordering.shop_order",
				List.of("buyer_name", "buyer_kana", "buyer_email", "buyer_phone", "recipient_name", "recipient_phone",
						"postal_code", "prefecture", "address", "building", "note"),
				COUNT, SELECT, UPDATE, 0L);
	}

}
