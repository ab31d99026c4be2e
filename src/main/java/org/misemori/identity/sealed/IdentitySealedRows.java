package org.misemori.identity.sealed;

import java.util.List;

import org.misemori.vault.SealedRows;
import org.misemori.vault.SealedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Identity's tables with sealed columns, offered to key rotation. A sealed column of identity
 * that is not listed here would keep its old key and stop opening once a rotation ends, so a
 * new one is added here with its migration. The field names are the columns' without
 * {@code _sealed}, as in each value's associated data.
 */
@Configuration(proxyBeanMethods = false)
class IdentitySealedRows {

	@Bean
	SealedRows memberAccountSealedRows(JdbcClient jdbc, JdbcTemplate batches) {
		return new SealedTable(jdbc, batches, "identity.member_account",
				List.of("email", "name", "kana", "birth_date", "gender", "phone", "postal_code", "prefecture", "address",
						"building", "occupation"),
				SealedSql.MEMBER_COUNT, SealedSql.MEMBER_SELECT, SealedSql.MEMBER_UPDATE, 0L);
	}

	@Bean
	SealedRows staffAccountSealedRows(JdbcClient jdbc, JdbcTemplate batches) {
		return new SealedTable(jdbc, batches, "identity.staff_account", List.of("email", "phone"),
				SealedSql.STAFF_COUNT, SealedSql.STAFF_SELECT, SealedSql.STAFF_UPDATE, 0L);
	}

	/** A pending change of address is bound to the member's id, not to the request's row. */
	@Bean
	SealedRows memberEmailChangeSealedRows(JdbcClient jdbc, JdbcTemplate batches) {
		return new SealedTable(jdbc, batches, "identity.member_email_change", List.of("new_email"),
				SealedSql.EMAIL_CHANGE_COUNT, SealedSql.EMAIL_CHANGE_SELECT, SealedSql.EMAIL_CHANGE_UPDATE,
				new byte[0]);
	}

	/** A member's saved delivery addresses (お届け先), each value bound to the address's own id. */
	@Bean
	SealedRows memberDeliveryAddressSealedRows(JdbcClient jdbc, JdbcTemplate batches) {
		return new SealedTable(jdbc, batches, "identity.member_delivery_address",
				List.of("name", "phone", "postal_code", "prefecture", "address", "building"), SealedSql.ADDRESS_COUNT,
				SealedSql.ADDRESS_SELECT, SealedSql.ADDRESS_UPDATE, 0L);
	}

}
