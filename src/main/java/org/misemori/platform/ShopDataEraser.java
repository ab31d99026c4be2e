package org.misemori.platform;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erases one module's data of a shop whose retention period has ended (GEO's closed site still
 * held a million orders; most of MakeShop's leaked shops had closed long before). Each module
 * that keeps rows of a shop provides one. The purge runs them all in one cross-shop
 * transaction, so a shop is purged completely or not at all, and a crash only means that the
 * next run does it again.
 */
public interface ShopDataEraser {

	/**
	 * Deletes this module's rows of {@code shop} through {@code crossShop} (the purge's own
	 * transaction); returns how many rows went from each table, for the purge's record.
	 */
	Map<String, Integer> erase(ShopId shop, JdbcClient crossShop);

}
