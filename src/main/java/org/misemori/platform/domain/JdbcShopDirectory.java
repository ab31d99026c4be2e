package org.misemori.platform.domain;

import java.util.Locale;
import java.util.Optional;

import org.misemori.platform.Shop;
import org.misemori.platform.ShopCode;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcShopDirectory implements ShopDirectory {

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

}
