package org.misemori.storefront.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.misemori.platform.ShopDirectory;
import org.misemori.platform.ShopId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * This node's rendered catalog pages, each valid while its shop's storefront generation is
 * the one it was rendered at. The database moves a shop's generation in the very transaction
 * that changes anything its pages show (migrations V48, V48.1); this node re-reads the
 * generations of the shops it keeps pages for every {@code misemori.storefront.page-cache.refresh}
 * (250 ms), so no node serves a page more than that long after the change committed — a
 * closed shop's pages included, since closing moves the generation too.
 *
 * <p>Bounded by size (W-TinyLFU, Caffeine), so unique URLs (search terms, made-up query
 * strings) cannot grow it past its bound.
 */
@Component
class ShopperPageCache {

	private final Cache<PageKey, CachedPage> pages;

	private final Map<ShopId, Long> generations = new ConcurrentHashMap<>();

	private final Set<ShopId> suspects = ConcurrentHashMap.newKeySet();

	private final ShopDirectory shops;

	private final Counter hits;

	private final Counter misses;

	ShopperPageCache(ShopDirectory shops, MeterRegistry meters,
			@Value("${misemori.storefront.page-cache.max-size:128MB}") DataSize maxSize) {
		this.shops = shops;
		this.pages = Caffeine.newBuilder()
			.maximumWeight(maxSize.toBytes())
			.weigher((PageKey key, CachedPage page) -> page.weight())
			.build();
		this.hits = Counter.builder("misemori.storefront.page.cache").tag("result", "hit").register(meters);
		this.misses = Counter.builder("misemori.storefront.page.cache").tag("result", "miss").register(meters);
	}

	/** The kept page for this key, if its shop has not changed since it was rendered. */
	Optional<CachedPage> fresh(PageKey key) {
		CachedPage page = pages.getIfPresent(key);
		if (page != null && suspects.remove(page.shop())) {
			generations.put(page.shop(), generationNow(page.shop()));
		}
		if (page == null || !Objects.equals(generations.get(page.shop()), page.generation())) {
			misses.increment();
			return Optional.empty();
		}
		hits.increment();
		return Optional.of(page);
	}

	/**
	 * This node has just committed a change in the shop, which may be to what its pages show:
	 * the next page asked for reads the shop's generation first rather than waiting for the
	 * next refresh, so that whoever made the change sees it at once on this node.
	 */
	void suspect(ShopId shop) {
		if (generations.containsKey(shop)) {
			suspects.add(shop);
		}
	}

	void keep(PageKey key, CachedPage page) {
		generations.putIfAbsent(page.shop(), page.generation());
		pages.put(key, page);
	}

	/**
	 * The shop's generation, read before the page's own data in the page's transaction: the
	 * page then shows this generation's data or newer, never older.
	 */
	long generationNow(ShopId shop) {
		return shops.storefrontGenerations(List.of(shop)).getOrDefault(shop, -1L);
	}

	@Scheduled(fixedDelayString = "${misemori.storefront.page-cache.refresh:250ms}")
	void followGenerations() {
		if (generations.isEmpty()) {
			return;
		}
		Map<ShopId, Long> now = shops.storefrontGenerations(List.copyOf(generations.keySet()));
		if (now.equals(generations)) {
			return;
		}
		generations.keySet().retainAll(now.keySet());
		generations.putAll(now);
		pages.asMap().values().removeIf(page -> !Objects.equals(generations.get(page.shop()), page.generation()));
	}

}
