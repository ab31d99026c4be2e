package org.misemori.shipping;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arithmetic of shipping settings: fees, the free threshold, cool, COD tiers, dates and slots. */
class ShippingRatesUnitTest {

	private final ShippingTerms defaults = new ShippingTerms(ShippingSettings.DEFAULTS);

	@Test
	void aFeeDependsOnThePrefectureUntilTheThreshold() {
		assertThat(defaults.quote(Prefecture.TOKYO, 9_999, false)).isEqualTo(new ShippingQuote(800, 0, false));
		assertThat(defaults.quote(Prefecture.HOKKAIDO, 9_999, false).total()).isEqualTo(1_500);
		assertThat(defaults.quote(Prefecture.OKINAWA, 500, false).total()).isEqualTo(1_500);
		assertThat(defaults.quote(Prefecture.FUKUOKA, 500, false).total()).isEqualTo(1_100);
		assertThat(defaults.quote(Prefecture.HOKKAIDO, 10_000, false)).isEqualTo(new ShippingQuote(0, 0, true));
	}

	@Test
	void theCoolSurchargeIsChargedEvenWhenShippingIsFree() {
		assertThat(defaults.quote(Prefecture.TOKYO, 2_000, true)).isEqualTo(new ShippingQuote(800, 330, false));
		ShippingQuote free = defaults.quote(Prefecture.TOKYO, 12_000, true);
		assertThat(free.free()).isTrue();
		assertThat(free.total()).isEqualTo(330);
	}

	@Test
	void aShopWithoutThresholdNeverShipsForFree() {
		ShippingTerms terms = new ShippingTerms(new ShippingSettings(600, Map.of(), null, 0,
				List.of(new CodFeeTier(50_000, 500)), 1, 7, EnumSet.of(DeliverySlot.MORNING)));
		assertThat(terms.quote(Prefecture.KYOTO, 1_000_000, false)).isEqualTo(new ShippingQuote(600, 0, false));
		assertThatThrownBy(() -> terms.quote(Prefecture.KYOTO, -1, false))
			.hasFieldOrPropertyWithValue("messageKey", "shipping.quote.negativeTotal");
	}

	@Test
	void theCodFeeComesFromTheTierIncludingItsUpperBound() {
		assertThat(defaults.codFee(0)).isEqualTo(330);
		assertThat(defaults.codFee(10_000)).isEqualTo(330);
		assertThat(defaults.codFee(10_001)).isEqualTo(440);
		assertThat(defaults.codFee(100_000)).isEqualTo(660);
		assertThat(defaults.codFee(300_000)).isEqualTo(1_100);
		assertThatThrownBy(() -> defaults.codFee(300_001)).isInstanceOf(ShippingException.class)
			.hasFieldOrPropertyWithValue("messageKey", "shipping.cod.overLimit")
			.extracting(e -> ((ShippingException) e).getArguments()[0])
			.isEqualTo(300_000L);
		ShippingTerms noCod = new ShippingTerms(new ShippingSettings(600, Map.of(), null, 0, List.of(), 1, 7,
				EnumSet.of(DeliverySlot.MORNING)));
		assertThatThrownBy(() -> noCod.codFee(1_000)).hasFieldOrPropertyWithValue("messageKey", "shipping.cod.unavailable");
	}

	@Test
	void deliveryDatesRunFromEarliestToLatestAndSlotsKeepTheCarriersOrder() {
		ShippingTerms terms = new ShippingTerms(new ShippingSettings(600, Map.of(), null, 0, List.of(), 3, 5,
				EnumSet.of(DeliverySlot.H19_21, DeliverySlot.MORNING)));
		LocalDate ordered = LocalDate.of(2026, 12, 30);
		DeliveryChoices choices = terms.deliveryChoices(ordered);
		assertThat(choices.dates()).containsExactly(LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 3),
				LocalDate.of(2027, 1, 4));
		assertThat(choices.slots()).containsExactly(DeliverySlot.MORNING, DeliverySlot.H19_21);
		assertThat(defaults.deliveryChoices(ordered).dates()).hasSize(13);
	}

	@Test
	void aWishOutsideTheChoicesIsRefusedWithItsReason() {
		LocalDate ordered = LocalDate.of(2026, 5, 1);
		defaults.checkDelivery(ordered, Optional.of(LocalDate.of(2026, 5, 3)), Optional.of(DeliverySlot.H14_16));
		defaults.checkDelivery(ordered, Optional.empty(), Optional.empty());
		assertThatThrownBy(() -> defaults.checkDelivery(ordered, Optional.of(LocalDate.of(2026, 5, 2)), Optional.empty()))
			.hasFieldOrPropertyWithValue("messageKey", "shipping.delivery.tooEarly");
		assertThatThrownBy(() -> defaults.checkDelivery(ordered, Optional.of(LocalDate.of(2026, 5, 16)), Optional.empty()))
			.hasFieldOrPropertyWithValue("messageKey", "shipping.delivery.tooLate");
		ShippingTerms morningOnly = new ShippingTerms(new ShippingSettings(600, Map.of(), null, 0, List.of(), 0, 7,
				EnumSet.of(DeliverySlot.MORNING)));
		assertThatThrownBy(() -> morningOnly.checkDelivery(ordered, Optional.empty(), Optional.of(DeliverySlot.H18_20)))
			.hasFieldOrPropertyWithValue("messageKey", "shipping.delivery.slotUnavailable");
	}

	@Test
	void settingsThatMakeNoSenseAreRefused() {
		assertThatThrownBy(() -> new ShippingSettings(-1, Map.of(), null, 0, List.of(), 0, 1, EnumSet.of(DeliverySlot.MORNING)))
			.hasFieldOrPropertyWithValue("messageKey", "shipping.settings.defaultFee.invalid");
		assertThatThrownBy(() -> new ShippingSettings(0, Map.of(), null, 0,
				List.of(new CodFeeTier(30_000, 440), new CodFeeTier(10_000, 330)), 0, 1, EnumSet.of(DeliverySlot.MORNING)))
			.hasFieldOrPropertyWithValue("messageKey", "shipping.cod.tiers.notAscending");
		assertThatThrownBy(() -> new ShippingSettings(0, Map.of(), null, 0, List.of(), 5, 2, EnumSet.of(DeliverySlot.MORNING)))
			.hasFieldOrPropertyWithValue("messageKey", "shipping.settings.days.order");
		assertThatThrownBy(() -> new ShippingSettings(0, Map.of(), null, 0, List.of(), 0, 1, EnumSet.noneOf(DeliverySlot.class)))
			.hasFieldOrPropertyWithValue("messageKey", "shipping.settings.slots.none");
		assertThatThrownBy(() -> new ShippingSettings(0, Map.of(Prefecture.OKINAWA, -5L), null, 0, List.of(), 0, 1,
				EnumSet.of(DeliverySlot.MORNING))).hasFieldOrPropertyWithValue("messageKey",
						"shipping.settings.prefectureFee.invalid");
	}

	@Test
	void prefecturesAndSlotsAreFoundByTheirCodesAndNames() {
		assertThat(Prefecture.values()).hasSize(47);
		assertThat(Prefecture.fromJapaneseName(" 東京都 ")).contains(Prefecture.TOKYO);
		assertThat(Prefecture.fromJapaneseName("東京")).isEmpty();
		assertThat(Prefecture.fromJisCode("47")).contains(Prefecture.OKINAWA);
		assertThat(Prefecture.fromJisCode("13").map(Prefecture::japaneseName)).contains("東京都");
		assertThat(Prefecture.fromJisCode("48")).isEmpty();
		assertThat(DeliverySlot.fromCode("1921")).contains(DeliverySlot.H19_21);
		assertThat(DeliverySlot.fromCode("2021")).isEmpty();
		assertThat(DeliverySlot.MORNING.label(java.util.Locale.JAPANESE)).isEqualTo("午前中");
		assertThat(DeliverySlot.H14_16.sagawaCode()).isEqualTo("14");
	}

}
