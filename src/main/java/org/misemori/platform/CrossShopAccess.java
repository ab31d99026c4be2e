package org.misemori.platform;

import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one explicit path across shops. Work given here runs in its own transaction on the
 * {@code misemori_operator} database role, which row-level security lets see every shop;
 * each use publishes a {@link CrossShopAccessed} event before the work runs, so the audit
 * log records the attempt even when the work fails.
 */
public interface CrossShopAccess {

	<T> T call(CrossShopPurpose purpose, String detail, Function<JdbcClient, T> work);

}
