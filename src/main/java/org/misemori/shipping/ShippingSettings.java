package org.misemori.shipping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A shop's shipping rules, every amount in yen with tax included (as Japanese shops quote them).
 * @param defaultFeeYen the fee for a prefecture without its own
 * @param feeByPrefecture fees that differ from the default (Hokkaido, Okinawa, …)
 * @param freeShippingFromYen merchandise total from which shipping is free; null: never free
 * @param codFees ascending tiers; above the last one COD is refused (empty: no COD at all)
 * @param earliestDeliveryDays how many days after the order the earliest date a shopper may ask for is
 * @param latestDeliveryDays the same for the latest date
 * @param slots the time slots offered, at least one
 */
public record ShippingSettings(long defaultFeeYen, Map<Prefecture, Long> feeByPrefecture, Long freeShippingFromYen,
		long coolSurchargeYen, List<CodFeeTier> codFees, int earliestDeliveryDays, int latestDeliveryDays,
		Set<DeliverySlot> slots) {

	/** No fee, threshold or surcharge above this: a typo of an extra digit or two, not a price. */
	public static final long MAX_YEN = 10_000_000;

	/** Lead days are kept within three months; carriers accept delivery dates only so far ahead. */
	public static final int MAX_DAYS = 90;

	/** What a shop that never saved its settings charges: a common Japanese scheme (Yamato-like COD tiers). */
	public static final ShippingSettings DEFAULTS = new ShippingSettings(800, defaultRegionalFees(), 10_000L, 330,
			List.of(new CodFeeTier(10_000, 330), new CodFeeTier(30_000, 440), new CodFeeTier(100_000, 660),
					new CodFeeTier(300_000, 1_100)),
			2, 14, EnumSet.allOf(DeliverySlot.class));

	public ShippingSettings {
		Objects.requireNonNull(feeByPrefecture, "feeByPrefecture");
		Objects.requireNonNull(codFees, "codFees");
		Objects.requireNonNull(slots, "slots");
		yen(defaultFeeYen, "shipping.settings.defaultFee.invalid");
		feeByPrefecture.forEach((prefecture, fee) -> yen(Objects.requireNonNull(fee, "fee"),
				"shipping.settings.prefectureFee.invalid", prefecture.japaneseName()));
		if (freeShippingFromYen != null && (freeShippingFromYen < 1 || freeShippingFromYen > MAX_YEN)) {
			throw new ShippingException("shipping.settings.freeFrom.invalid", MAX_YEN);
		}
		yen(coolSurchargeYen, "shipping.settings.coolSurcharge.invalid");
		checkAscending(codFees);
		checkDays(earliestDeliveryDays, latestDeliveryDays);
		if (slots.isEmpty()) {
			throw new ShippingException("shipping.settings.slots.none");
		}
		feeByPrefecture = Collections.unmodifiableMap(new EnumMap<>(feeByPrefecture.isEmpty()
				? new EnumMap<Prefecture, Long>(Prefecture.class) : feeByPrefecture));
		codFees = List.copyOf(codFees);
		slots = Collections.unmodifiableSet(EnumSet.copyOf(slots));
	}

	/** The fee for {@code prefecture} before any free-shipping threshold. */
	public long feeFor(Prefecture prefecture) {
		return feeByPrefecture.getOrDefault(prefecture, defaultFeeYen);
	}

	/** A short, stable text of these settings for the audit log (no personal data in them). */
	public String describe() {
		String prefectures = feeByPrefecture.entrySet()
			.stream()
			.map(e -> e.getKey().jisCode() + ":" + e.getValue())
			.collect(Collectors.joining(","));
		String tiers = codFees.stream().map(t -> t.upToYen() + ":" + t.feeYen()).collect(Collectors.joining(","));
		String slotCodes = slots.stream().map(DeliverySlot::code).collect(Collectors.joining(","));
		return "fee=" + defaultFeeYen + " prefectures=[" + prefectures + "] freeFrom="
				+ (freeShippingFromYen == null ? "never" : freeShippingFromYen) + " cool=" + coolSurchargeYen + " cod=["
				+ tiers + "] days=" + earliestDeliveryDays + "-" + latestDeliveryDays + " slots=[" + slotCodes + "]";
	}

	private static void yen(long amount, String messageKey, Object... arguments) {
		if (amount < 0 || amount > MAX_YEN) {
			List<Object> all = new ArrayList<>(List.of(arguments));
			all.add(MAX_YEN);
			throw new ShippingException(messageKey, all.toArray());
		}
	}

	private static void checkAscending(List<CodFeeTier> tiers) {
		for (int i = 0; i < tiers.size(); i++) {
			CodFeeTier tier = Objects.requireNonNull(tiers.get(i), "tier");
			if (tier.upToYen() > MAX_YEN || tier.feeYen() > MAX_YEN) {
				throw new ShippingException("shipping.cod.tier.tooLarge", MAX_YEN);
			}
			if (i > 0 && tier.upToYen() <= tiers.get(i - 1).upToYen()) {
				throw new ShippingException("shipping.cod.tiers.notAscending", tiers.get(i - 1).upToYen(), tier.upToYen());
			}
		}
	}

	private static void checkDays(int earliest, int latest) {
		if (earliest < 0 || earliest > MAX_DAYS || latest < 0 || latest > MAX_DAYS) {
			throw new ShippingException("shipping.settings.days.range", MAX_DAYS);
		}
		if (earliest > latest) {
			throw new ShippingException("shipping.settings.days.order", earliest, latest);
		}
	}

	/** Hokkaido and Okinawa cost most from a Honshu shop; Tohoku and the west a little more. */
	private static Map<Prefecture, Long> defaultRegionalFees() {
		Map<Prefecture, Long> fees = new EnumMap<>(Prefecture.class);
		for (Prefecture prefecture : Prefecture.values()) {
			switch (prefecture.region()) {
				case HOKKAIDO -> fees.put(prefecture, 1_500L);
				case TOHOKU, CHUGOKU, SHIKOKU -> fees.put(prefecture, 1_000L);
				case KYUSHU_OKINAWA -> fees.put(prefecture, 1_100L);
				default -> {
					// Kanto, Chubu and Kinki pay the default fee.
				}
			}
		}
		fees.put(Prefecture.OKINAWA, 1_500L);
		return fees;
	}

}
