package org.misemori.platform.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.misemori.platform.Shop;
import org.misemori.platform.ShopCode;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcShopDirectory implements ShopDirectory {

	/** Well under PostgreSQL's 65,535 bound parameters a statement. */
	private static final int MAX_IDS_PER_QUERY = 1_000;

	private final JdbcClient jdbc;

	JdbcShopDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Shop> findByCode(String code) {
		if (!ShopCode.isValid(code)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + ShopRows.ROUTING_COLUMNS + " FROM platform.shop WHERE code = :code")
			.param("code", code)
			.query(ShopRows::routing)
			.optional();
	}

	@Override
	public Optional<Shop> findByHostName(String hostName) {
		if (hostName == null || hostName.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + ShopRows.ROUTING_COLUMNS + " FROM platform.shop WHERE host_name = :host")
			.param("host", hostName.toLowerCase(Locale.ROOT))
			.query(ShopRows::routing)
			.optional();
	}

	@Override
	public Optional<Shop> findById(ShopId id) {
		return jdbc.sql("SELECT " + ShopRows.ROUTING_COLUMNS + " FROM platform.shop WHERE id = :id")
			.param("id", id.value())
			.query(ShopRows::routing)
			.optional();
	}

	@Override
	public Map<ShopId, Long> storefrontGenerations(Collection<ShopId> shops) {
		Map<ShopId, Long> generations = new HashMap<>();
		List<Long> ids = shops.stream().map(ShopId::value).toList();
		for (int from = 0; from < ids.size(); from += MAX_IDS_PER_QUERY) {
			jdbc.sql("SELECT id, storefront_generation FROM platform.shop WHERE id IN (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_QUERY)))
				.query((row, n) -> generations.put(new ShopId(row.getLong(1)), row.getLong(2)))
				.list();
		}
		return generations;
	}

}
