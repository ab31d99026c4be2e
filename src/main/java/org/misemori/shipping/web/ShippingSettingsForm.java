package org.misemori.shipping.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.misemori.shipping.CodFeeTier;
import org.misemori.shipping.DeliverySlot;
import org.misemori.shipping.Prefecture;
import org.misemori.shipping.ShippingException;
import org.misemori.shipping.ShippingSettings;

import org.springframework.util.MultiValueMap;

/**
 * The settings page's fields as typed: read into {@link ShippingSettings} (full-width digits and
 * thousands separators accepted, a blank prefecture fee meaning the default) or refused with a
 * message naming the field; shown back as typed when refused.
 * @param values field name to text: defaultFee, fee_01 … fee_47, freeFrom, cool, codUpTo_0 …,
 * codFee_0 …, earliest, latest
 * @param slots the codes of the slots ticked
 */
record ShippingSettingsForm(Map<String, String> values, Set<String> slots) {

	static final int TIER_ROWS = 6;

	private static final int MAX_TEXT = 20;

	static ShippingSettingsForm of(ShippingSettings settings) {
		Map<String, String> values = new HashMap<>();
		values.put("defaultFee", Long.toString(settings.defaultFeeYen()));
		settings.feeByPrefecture().forEach((p, fee) -> values.put(feeField(p), Long.toString(fee)));
		values.put("freeFrom", settings.freeShippingFromYen() == null ? "" : settings.freeShippingFromYen().toString());
		values.put("cool", Long.toString(settings.coolSurchargeYen()));
		List<CodFeeTier> tiers = settings.codFees();
		for (int i = 0; i < tiers.size() && i < TIER_ROWS; i++) {
			values.put("codUpTo_" + i, Long.toString(tiers.get(i).upToYen()));
			values.put("codFee_" + i, Long.toString(tiers.get(i).feeYen()));
		}
		values.put("earliest", Integer.toString(settings.earliestDeliveryDays()));
		values.put("latest", Integer.toString(settings.latestDeliveryDays()));
		Set<String> slots = new java.util.HashSet<>();
		settings.slots().forEach(slot -> slots.add(slot.code()));
		return new ShippingSettingsForm(values, slots);
	}

	static ShippingSettingsForm from(MultiValueMap<String, String> params) {
		Map<String, String> values = new HashMap<>();
		params.forEach((name, texts) -> {
			String text = texts.isEmpty() || texts.get(0) == null ? "" : texts.get(0);
			// What the person typed comes back to them (escaped by Thymeleaf), capped.
			values.put(name, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
		});
		List<String> ticked = params.getOrDefault("slots", List.of());
		return new ShippingSettingsForm(values, Set.copyOf(ticked.stream().filter(s -> s != null).toList()));
	}

	static String feeField(Prefecture prefecture) {
		return "fee_" + prefecture.jisCode();
	}

	String value(String field) {
		return values.getOrDefault(field, "");
	}

	/**
	 * @param label the field's name in the person's language, for the message
	 * @throws ShippingException naming the field
	 */
	ShippingSettings read(Function<String, String> label, Function<Prefecture, String> prefectureLabel) {
		long defaultFee = yen("defaultFee", label.apply("defaultFee"));
		Map<Prefecture, Long> fees = new EnumMap<>(Prefecture.class);
		for (Prefecture prefecture : Prefecture.values()) {
			if (!value(feeField(prefecture)).isBlank()) {
				fees.put(prefecture, yen(feeField(prefecture), prefectureLabel.apply(prefecture)));
			}
		}
		Long freeFrom = value("freeFrom").isBlank() ? null : yen("freeFrom", label.apply("freeFrom"));
		long cool = yen("cool", label.apply("cool"));
		List<CodFeeTier> tiers = tiers(label);
		int earliest = (int) number("earliest", label.apply("earliest"), ShippingSettings.MAX_DAYS);
		int latest = (int) number("latest", label.apply("latest"), ShippingSettings.MAX_DAYS);
		Set<DeliverySlot> chosen = EnumSet.noneOf(DeliverySlot.class);
		for (String code : slots) {
			chosen.add(DeliverySlot.fromCode(code).orElseThrow(() -> new ShippingException("shipping.settings.slots.unknown")));
		}
		return new ShippingSettings(defaultFee, fees, freeFrom, cool, tiers, earliest, latest, chosen);
	}

	private List<CodFeeTier> tiers(Function<String, String> label) {
		List<CodFeeTier> tiers = new ArrayList<>();
		for (int i = 0; i < TIER_ROWS; i++) {
			boolean noLimit = value("codUpTo_" + i).isBlank();
			boolean noFee = value("codFee_" + i).isBlank();
			if (noLimit && noFee) {
				continue;
			}
			if (noLimit || noFee) {
				throw new ShippingException("shipping.settings.cod.incomplete", i + 1);
			}
			long upTo = yen("codUpTo_" + i, label.apply("codUpTo") + " " + (i + 1));
			if (upTo < 1) {
				throw new ShippingException("shipping.cod.tier.upTo.invalid");
			}
			tiers.add(new CodFeeTier(upTo, yen("codFee_" + i, label.apply("codFee") + " " + (i + 1))));
		}
		return tiers;
	}

	private long yen(String field, String label) {
		return number(field, label, ShippingSettings.MAX_YEN);
	}

	private long number(String field, String label, long max) {
		String text = Normalizer.normalize(value(field), Normalizer.Form.NFKC).strip().replace(",", "");
		if (text.isEmpty()) {
			throw new ShippingException("shipping.settings.required", label);
		}
		if (text.matches("[-−][0-9]+")) {
			throw new ShippingException("shipping.settings.negative", label);
		}
		if (!text.matches("[0-9]{1,12}")) {
			throw new ShippingException("shipping.settings.notANumber", label);
		}
		long number = Long.parseLong(text);
		if (number > max) {
			throw new ShippingException("shipping.settings.tooLarge", label, max);
		}
		return number;
	}

}
