package org.misemori.shipping;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current shop's shipping settings in the database. No WHERE on shop_id when reading:
 * row-level security keeps it to the current shop, which only a transaction carries to the
 * database, so every method runs in one. A change is audited in the same transaction
 * (the audit listener is synchronous), so no change goes unrecorded.
 */
@Service
class ShopShippingRates implements ShippingRates {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ShopShippingRates(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	@Transactional(readOnly = true)
	public ShippingSettings settings() {
		return jdbc.sql("""
				SELECT default_fee_yen, fee_jis_codes, fee_yen, free_shipping_from_yen, cool_surcharge_yen,
				       cod_up_to_yen, cod_fee_yen, earliest_delivery_days, latest_delivery_days, slots
				  FROM shipping.shop_shipping_settings""")
			.query((row, n) -> fromRow(row))
			.optional()
			.orElse(ShippingSettings.DEFAULTS);
	}

	@Override
	@Transactional
	public void update(ShippingSettings settings, String changedBy) {
		ShopId shop = TenantContext.current().orElseThrow(() -> new IllegalStateException("No current shop"));
		ShippingSettings before = settings();
		if (before.equals(settings)) {
			return;
		}
		List<Map.Entry<Prefecture, Long>> fees = new ArrayList<>(settings.feeByPrefecture().entrySet());
		jdbc.sql("""
				INSERT INTO shipping.shop_shipping_settings
				       (shop_id, default_fee_yen, fee_jis_codes, fee_yen, free_shipping_from_yen, cool_surcharge_yen,
				        cod_up_to_yen, cod_fee_yen, earliest_delivery_days, latest_delivery_days, slots, updated_at)
				VALUES (:shop, :defaultFee, CAST(:feePrefectures AS text[]), CAST(:feeYen AS bigint[]), CAST(:freeFrom AS bigint), :cool,
				        CAST(:codUpTo AS bigint[]), CAST(:codFee AS bigint[]), :earliest, :latest, CAST(:slots AS text[]), now())
				ON CONFLICT (shop_id) DO UPDATE
				   SET default_fee_yen = EXCLUDED.default_fee_yen, fee_jis_codes = EXCLUDED.fee_jis_codes,
				       fee_yen = EXCLUDED.fee_yen, free_shipping_from_yen = EXCLUDED.free_shipping_from_yen,
				       cool_surcharge_yen = EXCLUDED.cool_surcharge_yen, cod_up_to_yen = EXCLUDED.cod_up_to_yen,
				       cod_fee_yen = EXCLUDED.cod_fee_yen, earliest_delivery_days = EXCLUDED.earliest_delivery_days,
				       latest_delivery_days = EXCLUDED.latest_delivery_days, slots = EXCLUDED.slots,
				       updated_at = EXCLUDED.updated_at""")
			.param("shop", shop.value())
			.param("defaultFee", settings.defaultFeeYen())
			.param("feePrefectures", fees.stream().map(e -> e.getKey().jisCode()).toArray(String[]::new))
			.param("feeYen", fees.stream().map(Map.Entry::getValue).toArray(Long[]::new))
			.param("freeFrom", settings.freeShippingFromYen())
			.param("cool", settings.coolSurchargeYen())
			.param("codUpTo", settings.codFees().stream().map(CodFeeTier::upToYen).toArray(Long[]::new))
			.param("codFee", settings.codFees().stream().map(CodFeeTier::feeYen).toArray(Long[]::new))
			.param("earliest", settings.earliestDeliveryDays())
			.param("latest", settings.latestDeliveryDays())
			.param("slots", settings.slots().stream().map(DeliverySlot::code).toArray(String[]::new))
			.update();
		events.publishEvent(new ShippingSettingsChanged(shop.value(), changedBy, before.describe(), settings.describe()));
	}

	@Override
	@Transactional(readOnly = true)
	public ShippingQuote quote(Prefecture destination, long merchandiseTotalYen, boolean cool) {
		return new ShippingTerms(settings()).quote(destination, merchandiseTotalYen, cool);
	}

	@Override
	@Transactional(readOnly = true)
	public long codFee(long amountToCollectYen) {
		return new ShippingTerms(settings()).codFee(amountToCollectYen);
	}

	@Override
	@Transactional(readOnly = true)
	public DeliveryChoices deliveryChoices(LocalDate orderDate) {
		return new ShippingTerms(settings()).deliveryChoices(orderDate);
	}

	@Override
	@Transactional(readOnly = true)
	public void checkDelivery(LocalDate orderDate, Optional<LocalDate> date, Optional<DeliverySlot> slot) {
		new ShippingTerms(settings()).checkDelivery(orderDate, date, slot);
	}

	private static ShippingSettings fromRow(ResultSet row) throws SQLException {
		String[] prefectures = strings(row.getArray("fee_jis_codes"));
		Long[] fees = longs(row.getArray("fee_yen"));
		Map<Prefecture, Long> feeByPrefecture = new EnumMap<>(Prefecture.class);
		for (int i = 0; i < prefectures.length; i++) {
			feeByPrefecture.put(Prefecture.fromJisCode(prefectures[i]).orElseThrow(), fees[i]);
		}
		Long[] upTo = longs(row.getArray("cod_up_to_yen"));
		Long[] codFees = longs(row.getArray("cod_fee_yen"));
		List<CodFeeTier> tiers = new ArrayList<>();
		for (int i = 0; i < upTo.length; i++) {
			tiers.add(new CodFeeTier(upTo[i], codFees[i]));
		}
		Set<DeliverySlot> slots = EnumSet.noneOf(DeliverySlot.class);
		for (String code : strings(row.getArray("slots"))) {
			slots.add(DeliverySlot.fromCode(code).orElseThrow());
		}
		Long freeFrom = row.getObject("free_shipping_from_yen", Long.class);
		return new ShippingSettings(row.getLong("default_fee_yen"), feeByPrefecture, freeFrom,
				row.getLong("cool_surcharge_yen"), tiers, row.getInt("earliest_delivery_days"),
				row.getInt("latest_delivery_days"), slots);
	}

	private static String[] strings(Array array) throws SQLException {
		return (String[]) array.getArray();
	}

	private static Long[] longs(Array array) throws SQLException {
		return (Long[]) array.getArray();
	}

}
