package org.misemori.payment.domain;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stops in force as this node knows them, at most {@link #MAX_AGE} old: a stop set on any
 * node reaches every checkout within that, without a message bus, at the cost of one small
 * statement per node every two seconds (not one per request). The node where the operator
 * acts forgets its copy at once. Read on the runtime role, which may see only which scopes are
 * stopped.
 */
@Component
class CardStopCache {

	static final Duration MAX_AGE = Duration.ofSeconds(2);

	private static final String ALL = "in-force";

	private final JdbcClient jdbc;

	private final LoadingCache<String, InForce> cache;

	CardStopCache(JdbcClient jdbc) {
		this.jdbc = jdbc;
		// Expire, not refresh: a refresh would go on answering with the old list while it reloads.
		this.cache = Caffeine.newBuilder().expireAfterWrite(MAX_AGE).build(key -> load());
	}

	/** Whether card payments are stopped for every shop, or for {@code shop} when there is one. */
	boolean stopped(Optional<ShopId> shop) {
		InForce stops = cache.get(ALL);
		return stops.everyShop() || shop.map(id -> stops.shops().contains(id.value())).orElse(false);
	}

	void forget() {
		cache.invalidateAll();
	}

	private InForce load() {
		Set<Long> shops = new HashSet<>();
		boolean[] everyShop = { false };
		jdbc.sql("SELECT stopped_shop_id FROM payment.card_stop WHERE resumed_at IS NULL").query(row -> {
			long shop = row.getLong("stopped_shop_id");
			if (row.wasNull()) {
				everyShop[0] = true;
			}
			else {
				shops.add(shop);
			}
		});
		return new InForce(everyShop[0], Set.copyOf(shops));
	}

	private record InForce(boolean everyShop, Set<Long> shops) {
	}

}
