package org.misemori.platform.domain;

import java.util.Optional;

import org.misemori.platform.ShopProfile;
import org.misemori.platform.ShopProfiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** No WHERE on shop_id: row-level security is what keeps this to the current shop. */
@Component
class JdbcShopProfiles implements ShopProfiles {

	private final JdbcClient jdbc;

	JdbcShopProfiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ShopProfile> current() {
		return jdbc.sql("""
				SELECT tagline, description, seller_name, representative, address, phone, email, business_hours,
				       price_note, extra_fees, payment_methods, delivery_time, returns_policy
				FROM platform.shop_profile""")
			.query(ShopProfile.class)
			.optional();
	}

}
