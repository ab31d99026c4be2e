package org.misemori.platform;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Finds shops for routing: by the code in {@code /s/{code}/} or by a shop's own host name. */
public interface ShopDirectory {

	Optional<Shop> findByCode(String code);

	Optional<Shop> findByHostName(String hostName);

	/** A shop by its id, whatever its state: for mail and records made in a shop's name. */
	Optional<Shop> findById(ShopId id);

	/**
	 * The shops' storefront generations: each changes, in the committing transaction, whenever
	 * something the shop's catalog pages show changes (see migration V48). Shops that do not
	 * exist are missing from the answer.
	 */
	Map<ShopId, Long> storefrontGenerations(Collection<ShopId> shops);

}
