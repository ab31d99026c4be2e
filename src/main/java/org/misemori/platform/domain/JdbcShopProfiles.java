package org.misemori.platform.domain;

import java.util.List;
import java.util.Optional;

import org.misemori.platform.ShopId;
import org.misemori.platform.ShopProfile;
import org.misemori.platform.ShopProfileChanged;
import org.misemori.platform.ShopProfiles;
import org.misemori.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * No WHERE on shop_id: row-level security is what keeps this to the current shop. A change is
 * audited in the same transaction (the audit listener is synchronous), so none goes unrecorded.
 */
@Component
class JdbcShopProfiles implements ShopProfiles {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcShopProfiles(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
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

	@Override
	@Transactional
	public void update(ShopProfile profile, String changedBy) {
		ShopId shop = TenantContext.current().orElseThrow(() -> new IllegalStateException("No current shop"));
		// Every shop got its row when it was opened; locked so two saves do not both see "before".
		ShopProfile before = jdbc.sql("""
				SELECT tagline, description, seller_name, representative, address, phone, email, business_hours,
				       price_note, extra_fees, payment_methods, delivery_time, returns_policy
				FROM platform.shop_profile FOR UPDATE""")
			.query(ShopProfile.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("No profile row for shop " + shop.value()));
		List<String> changed = before.fieldsChangedIn(profile);
		if (changed.isEmpty()) {
			return;
		}
		jdbc.sql("""
				UPDATE platform.shop_profile
				   SET tagline = :tagline, description = :description, seller_name = :sellerName,
				       representative = :representative, address = :address, phone = :phone, email = :email,
				       business_hours = :businessHours, price_note = :priceNote, extra_fees = :extraFees,
				       payment_methods = :paymentMethods, delivery_time = :deliveryTime, returns_policy = :returnsPolicy
				 WHERE shop_id = :shop""")
			.params(profile.byField())
			.param("shop", shop.value())
			.update();
		events.publishEvent(new ShopProfileChanged(shop.value(), changedBy, changed));
	}

}
