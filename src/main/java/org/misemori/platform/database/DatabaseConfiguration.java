package org.misemori.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionExecutionListener;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

	static final String CROSS_SHOP = "crossShopDataSource";

	/** Every {@code @Transactional} method runs on the runtime role, scoped to the current shop. */
	@Bean
	TenantTransactionManager transactionManager(DataSource dataSource, TenantClaims claims,
			ObjectProvider<TransactionExecutionListener> listeners) {
		TenantTransactionManager transactions = new TenantTransactionManager(dataSource, claims);
		// Boot applies these listeners only to a transaction manager it configures itself.
		transactions.setTransactionExecutionListeners(listeners.orderedStream().toList());
		return transactions;
	}

	/**
	 * The cross-shop role's pool: small, and not a default candidate, so that Boot's own
	 * DataSource stays the application's and only {@link JdbcCrossShopAccess} sees this one.
	 */
	@Bean(defaultCandidate = false, destroyMethod = "close")
	@Qualifier(CROSS_SHOP)
	HikariDataSource crossShopDataSource(DataSourceProperties dataSource, DatabaseProperties database) {
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("cross-shop");
		pool.setJdbcUrl(dataSource.determineUrl());
		pool.setUsername(database.operatorUsername());
		pool.setPassword(database.operatorPassword());
		pool.setMaximumPoolSize(4);
		pool.setMinimumIdle(0);
		return pool;
	}

	@Bean(defaultCandidate = false)
	@Qualifier(CROSS_SHOP)
	JdbcTransactionManager crossShopTransactionManager(@Qualifier(CROSS_SHOP) DataSource dataSource) {
		return new JdbcTransactionManager(dataSource);
	}

}
