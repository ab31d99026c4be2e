package org.misemori.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The runtime role's transaction manager. As each transaction begins it hands PostgreSQL the
 * signed claim for the current shop, transaction-locally, so that row-level security shows
 * that shop's rows only, and a pooled connection never carries a shop into the next
 * transaction. Without a current shop it sets nothing, and tenant tables show no rows.
 */
class TenantTransactionManager extends JdbcTransactionManager {

	private final transient TenantClaims claims;

	TenantTransactionManager(DataSource dataSource, TenantClaims claims) {
		super(dataSource);
		this.claims = claims;
	}

	@Override
	protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
			throws SQLException {
		super.prepareTransactionalConnection(connection, definition);
		Optional<ShopId> shop = TenantContext.current();
		if (shop.isPresent()) {
			try (PreparedStatement statement = connection
				.prepareStatement("SELECT set_config('misemori.tenant', ?, true)")) {
				statement.setString(1, claims.claimFor(shop.get()));
				statement.execute();
			}
		}
	}

}
