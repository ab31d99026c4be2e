package org.misemori.ordering.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.misemori.ordering.Carrier;
import org.misemori.ordering.OrderId;
import org.misemori.ordering.OrderStatus;
import org.misemori.ordering.OrderingException;
import org.misemori.ordering.PaymentMethod;
import org.misemori.ordering.Quote;
import org.misemori.platform.ShopId;
import org.misemori.platform.ShopProfile;
import org.misemori.platform.ShopProfiles;
import org.misemori.platform.TenantContext;
import org.misemori.shipping.DeliverySlips;
import org.misemori.shipping.DeliverySlipsExported;
import org.misemori.shipping.DeliverySlot;
import org.misemori.shipping.Prefecture;
import org.misemori.shipping.ShipmentSlip;
import org.misemori.shipping.ShippingException;
import org.misemori.vault.PersonalDataReader;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery-slip file of every order being prepared, for the carrier's slip printing (B2
 * Cloud, e-飛伝). It holds recipients' names, addresses and phones: the reading is recorded
 * and the export audited before a byte leaves. The shipper is the shop as its 特商法 page states it.
 */
@Component
public class OrderSlips {

	/** One file at most; a shop with more parcels a day prints in several goes. */
	static final int MAX_SLIPS = 1_000;

	private static final Pattern POSTAL_CODE = Pattern.compile("〒?\\s*(\\d{3})[-ー－]?(\\d{4})");

	private final JdbcClient jdbc;

	private final OrderRows rows;

	private final PersonalDataReader reader;

	private final ShopProfiles profiles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrderSlips(JdbcClient jdbc, OrderRows rows, PersonalDataReader reader, ShopProfiles profiles,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.reader = reader;
		this.profiles = profiles;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public byte[] export(Carrier carrier, String actor) {
		ShopId shop = TenantContext.current().orElseThrow();
		ShopProfile shipper = profiles.current().orElseGet(ShopProfile::empty);
		Matcher postal = POSTAL_CODE.matcher(shipper.address());
		if (shipper.sellerName().isBlank() || shipper.phone().isBlank() || !postal.find()) {
			throw new OrderingException("slips", "ordering.slips.shipperMissing");
		}
		List<OrderId> preparing = jdbc.sql("""
				SELECT id FROM ordering.shop_order WHERE status = :status ORDER BY placed_at, id LIMIT :limit""")
			.param("status", OrderStatus.PREPARING.name())
			.param("limit", MAX_SLIPS)
			.query(Long.class)
			.list()
			.stream()
			.map(OrderId::new)
			.toList();
		List<ShipmentSlip> slips = new ArrayList<>();
		try (PersonalDataReader.Reading reading = reader.open(shop, OrderReading.SUBJECT, "delivery slips")) {
			for (OrderId id : preparing) {
				StoredOrder order = rows.find(id).orElseThrow();
				slips.add(slip(reading, order, rows.lines(id), shipper, postal.group(1) + postal.group(2)));
			}
		}
		byte[] file = write(carrier, slips);
		events.publishEvent(new DeliverySlipsExported(shop.value(), actor, carrier.name(), slips.size(),
				String.join(",", preparing.stream().map(OrderId::number).toList())));
		return file;
	}

	private byte[] write(Carrier carrier, List<ShipmentSlip> slips) {
		LocalDate today = LocalDate.now(clock.withZone(CheckoutService.JAPAN));
		try {
			return switch (carrier) {
				case YAMATO -> DeliverySlips.yamatoB2Cloud(slips, today);
				case SAGAWA -> DeliverySlips.sagawaEHiden(slips, today);
				default -> throw new OrderingException("carrier", "ordering.slips.carrierUnsupported");
			};
		}
		catch (ShippingException refused) {
			throw new OrderingException("slips", refused.messageKey(), refused.getArguments());
		}
	}

	private static ShipmentSlip slip(PersonalDataReader.Reading reading, StoredOrder order, List<Quote.Line> lines,
			ShopProfile shipper, String shipperPostalCode) {
		boolean cod = order.payment() == PaymentMethod.CASH_ON_DELIVERY;
		return new ShipmentSlip(order.id().number(), field(reading, order, "recipient_name"),
				field(reading, order, "recipient_phone"), field(reading, order, "postal_code"),
				Prefecture.fromJisCode(field(reading, order, "prefecture")).orElse(null), field(reading, order, "address"),
				field(reading, order, "building"), order.deliveryDate(),
				order.deliverySlot() == null ? null : DeliverySlot.fromCode(order.deliverySlot()).orElse(null),
				itemName(lines), cod, cod ? order.total() : 0, false, shipper.sellerName(), shipper.phone(),
				shipperPostalCode, POSTAL_CODE.matcher(shipper.address()).replaceFirst("").strip(),
				cod ? order.rates().stream().mapToLong(rate -> rate.tax()).sum() : null);
	}

	/** The slip's 品名 is short (16 characters on e-飛伝): the first item, and how many others. */
	static String itemName(List<Quote.Line> lines) {
		String first = lines.get(0).productTitle();
		String name = first.codePointCount(0, first.length()) > 12 ? first.substring(0, first.offsetByCodePoints(0, 12)) : first;
		return lines.size() > 1 ? name + " 他" + (lines.size() - 1) + "点" : name;
	}

	private static String field(PersonalDataReader.Reading reading, StoredOrder order, String column) {
		String value = reading.field(OrderSeals.field(column, order.id().value()), order.sealed(column));
		return value == null ? "" : value;
	}

}
