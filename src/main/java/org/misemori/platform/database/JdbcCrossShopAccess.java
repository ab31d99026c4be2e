package org.misemori.platform.database;

import java.util.function.Function;

import javax.sql.DataSource;

import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopAccessed;
import org.misemori.platform.CrossShopPurpose;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

@Component
class JdbcCrossShopAccess implements CrossShopAccess {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	JdbcCrossShopAccess(@Qualifier(DatabaseConfiguration.CROSS_SHOP) DataSource dataSource,
			@Qualifier(DatabaseConfiguration.CROSS_SHOP) JdbcTransactionManager transactionManager,
			ApplicationEventPublisher events) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
	}

	@Override
	public <T> T call(CrossShopPurpose purpose, String detail, Function<JdbcClient, T> work) {
		// Recorded before the work runs: a failed or rolled-back attempt is on record too.
		events.publishEvent(new CrossShopAccessed(purpose, detail, currentActor()));
		return transactions.execute(status -> work.apply(jdbc));
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "system" : authentication.getName();
	}

}
