package org.misemori.platform.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopClosed;
import org.misemori.platform.ShopCode;
import org.misemori.platform.ShopOpened;
import org.misemori.platform.ShopProfile;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** The operator's shop work: list, open, close. All of it crosses shops, so all of it is audited. */
@Service
public class ShopAdministration {

	private static final Pattern HOST_NAME = Pattern
		.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

	private final CrossShopAccess crossShop;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ShopAdministration(CrossShopAccess crossShop, ApplicationEventPublisher events, Clock clock) {
		this.crossShop = crossShop;
		this.events = events;
		this.clock = clock;
	}

	public List<Shop> listShops() {
		return crossShop.call(CrossShopPurpose.SHOP_ADMINISTRATION, "list shops",
				jdbc -> jdbc.sql("SELECT " + ShopRows.ALL_COLUMNS + " FROM platform.shop ORDER BY id")
					.query(ShopRows::full)
					.list());
	}

	public Shop openShop(NewShop request, CrossShopPurpose purpose) {
		ShopCode code = validCode(request.code());
		String name = validName(request.name());
		String host = validHostName(request.hostName());
		Shop shop = crossShop.call(purpose, "open shop " + code, jdbc -> {
			requireUnused(jdbc, code, host);
			long id = jdbc.sql("INSERT INTO platform.shop (code, name, host_name) VALUES (:code, :name, :host) RETURNING id")
				.param("code", code.value())
				.param("name", name)
				.param("host", host)
				.query(Long.class)
				.single();
			insertProfile(jdbc, id, request.profile() == null ? ShopProfile.empty() : request.profile());
			return jdbc.sql("SELECT " + ShopRows.ALL_COLUMNS + " FROM platform.shop WHERE id = :id")
				.param("id", id)
				.query(ShopRows::full)
				.single();
		});
		events.publishEvent(new ShopOpened(shop.id(), shop.code(), actor()));
		return shop;
	}

	public Shop closeShop(String code, int retentionDays) {
		Shop closed = crossShop.call(CrossShopPurpose.SHOP_ADMINISTRATION, "close shop " + code, jdbc -> {
			Shop shop = jdbc.sql("SELECT " + ShopRows.ALL_COLUMNS + " FROM platform.shop WHERE code = :code FOR UPDATE")
				.param("code", code)
				.query(ShopRows::full)
				.optional()
				.orElseThrow(() -> new ShopAdministrationException("shop.error.unknown", "No shop " + code, code));
			if (!shop.isOpen()) {
				throw new ShopAdministrationException("shop.error.not-open", "Shop " + code + " is " + shop.status(),
						code);
			}
			if (retentionDays < 0 || retentionDays > 3650) {
				throw new ShopAdministrationException("shop.error.retention", "Retention is 0 to 3650 days");
			}
			Shop after = shop.close(retentionDays, clock.instant());
			jdbc.sql("""
					UPDATE platform.shop SET status = :status, closed_at = :closedAt, retention_days = :days,
					       purge_after = :purgeAfter WHERE id = :id""")
				.param("status", after.status().name())
				.param("closedAt", Timestamp.from(after.closedAt()))
				.param("days", retentionDays)
				.param("purgeAfter", Timestamp.from(after.purgeAfter()))
				.param("id", after.id().value())
				.update();
			return after;
		});
		events.publishEvent(new ShopClosed(closed.id(), closed.code(), retentionDays, closed.purgeAfter(), actor()));
		return closed;
	}

	private static void requireUnused(JdbcClient jdbc, ShopCode code, String host) {
		boolean taken = jdbc.sql("SELECT count(*) FROM platform.shop WHERE code = :code OR host_name = :host")
			.param("code", code.value())
			.param("host", host)
			.query(Long.class)
			.single() > 0;
		if (taken) {
			throw new ShopAdministrationException("shop.error.taken", "Shop code or host name already in use: " + code,
					code);
		}
	}

	private static void insertProfile(JdbcClient jdbc, long shopId, ShopProfile p) {
		Map<String, Object> values = new HashMap<>();
		values.put("shopId", shopId);
		values.put("tagline", p.tagline());
		values.put("description", p.description());
		values.put("sellerName", p.sellerName());
		values.put("representative", p.representative());
		values.put("address", p.address());
		values.put("phone", p.phone());
		values.put("email", p.email());
		values.put("businessHours", p.businessHours());
		values.put("priceNote", p.priceNote());
		values.put("extraFees", p.extraFees());
		values.put("paymentMethods", p.paymentMethods());
		values.put("deliveryTime", p.deliveryTime());
		values.put("returnsPolicy", p.returnsPolicy());
		jdbc.sql("""
				INSERT INTO platform.shop_profile (shop_id, tagline, description, seller_name, representative, address,
				    phone, email, business_hours, price_note, extra_fees, payment_methods, delivery_time, returns_policy)
				VALUES (:shopId, :tagline, :description, :sellerName, :representative, :address, :phone, :email,
				    :businessHours, :priceNote, :extraFees, :paymentMethods, :deliveryTime, :returnsPolicy)""")
			.params(values)
			.update();
	}

	private static ShopCode validCode(String code) {
		if (!ShopCode.isValid(code)) {
			throw new ShopAdministrationException("shop.error.code",
					"A shop code is 3-32 lower-case letters, digits and inner hyphens: " + code, code);
		}
		return new ShopCode(code);
	}

	private static String validName(String name) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new ShopAdministrationException("shop.error.name", "A shop name is 1-100 characters");
		}
		return trimmed;
	}

	private static String validHostName(String hostName) {
		if (hostName == null || hostName.isBlank()) {
			return null;
		}
		String host = hostName.strip().toLowerCase(Locale.ROOT);
		if (!HOST_NAME.matcher(host).matches()) {
			throw new ShopAdministrationException("shop.error.host", "Not a host name: " + hostName, hostName);
		}
		return host;
	}

	private static String actor() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "system" : authentication.getName();
	}

}
