package org.misemori.platform.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDataEraser;
import org.misemori.platform.ShopPurged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges closed shops whose retention period has ended: every module erases its rows of the
 * shop (the vault destroys the shop's keys, so any copy of its ciphertext anywhere stays
 * unreadable), the shop's profile goes, and only the registry row remains, marked PURGED.
 * One shop per transaction, claimed with {@code FOR UPDATE SKIP LOCKED}, so any number of
 * nodes may run this and each shop is purged by exactly one of them.
 */
@Component
@EnableScheduling
public class ShopPurge {

	private final CrossShopAccess crossShop;

	private final List<ShopDataEraser> erasers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ShopPurge(CrossShopAccess crossShop, List<ShopDataEraser> erasers, ApplicationEventPublisher events, Clock clock) {
		this.crossShop = crossShop;
		this.erasers = erasers;
		this.events = events;
		this.clock = clock;
	}

	/** Purges every shop now due; returns how many. */
	@Scheduled(fixedDelayString = "${misemori.shop-purge.interval:PT10M}", initialDelayString = "PT1M")
	public int purgeDue() {
		int purged = 0;
		while (purgeNextDue().isPresent()) {
			purged++;
		}
		return purged;
	}

	private Optional<ShopPurged> purgeNextDue() {
		Optional<ShopPurged> purged = crossShop.call(CrossShopPurpose.SHOP_PURGE, "purge a shop past its retention",
				jdbc -> nextDue(jdbc).map(shop -> purge(shop, jdbc)));
		purged.ifPresent(events::publishEvent);
		return purged;
	}

	private Optional<Shop> nextDue(JdbcClient jdbc) {
		return jdbc.sql("SELECT " + ShopRows.ALL_COLUMNS + """
				 FROM platform.shop
				WHERE status = 'CLOSED' AND purge_after <= :now
				ORDER BY purge_after
				LIMIT 1
				FOR UPDATE SKIP LOCKED""").param("now", Timestamp.from(clock.instant())).query(ShopRows::full).optional();
	}

	private ShopPurged purge(Shop shop, JdbcClient jdbc) {
		Instant now = clock.instant();
		Shop after = shop.markPurged(now);
		Map<String, Integer> erased = new TreeMap<>();
		for (ShopDataEraser eraser : erasers) {
			erased.putAll(eraser.erase(shop.id(), jdbc));
		}
		erased.put("platform.shop_profile", jdbc.sql("DELETE FROM platform.shop_profile WHERE shop_id = :shop")
			.param("shop", shop.id().value())
			.update());
		jdbc.sql("UPDATE platform.shop SET status = :status, purged_at = :now WHERE id = :id")
			.param("status", after.status().name())
			.param("now", Timestamp.from(now))
			.param("id", shop.id().value())
			.update();
		return new ShopPurged(shop.id(), shop.code(), now, Map.copyOf(erased));
	}

}
