package org.misemori.tax;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.misemori.tax.Rounding.CEILING;
import static org.misemori.tax.Rounding.FLOOR;
import static org.misemori.tax.Rounding.HALF_UP;
import static org.misemori.tax.TaxRate.REDUCED;
import static org.misemori.tax.TaxRate.STANDARD;

/**
 * The tax acceptance: each expected yen amount below was computed by hand, and the
 * computation is written next to the case so a reviewer can redo it. Notation: T10 and T8 are
 * the tax-inclusive totals per rate after discounts and fees; tax10 = T10 × 10 / 110 and
 * tax8 = T8 × 8 / 108, rounded once by the case's rule. A rate the order lacks is expected as -1.
 * Discounts split as {@link DiscountAllocation} says: floor(D × group / goods) each, the yen
 * left over to the larger group (10% on a tie).
 */
class TaxCalculationUnitTest {

	record Case(String name, TaxableOrder order, Rounding rounding, long t10, long tax10, long t8, long tax8,
			long grandTotal) {

		@Override
		public String toString() {
			return name;
		}

	}

	static Stream<Case> handComputedCases() {
		return Stream.of(
				// 1100 × 10 / 110 = 100 exactly.
				new Case("one 10% item, exact", order(line(1_100, 1, STANDARD)), FLOOR, 1_100, 100, -1, -1, 1_100),
				// 1080 × 8 / 108 = 80 exactly.
				new Case("one 8% item, exact", order(line(1_080, 1, REDUCED)), FLOOR, -1, -1, 1_080, 80, 1_080),
				// 1000 × 10 / 110 = 90.909… → floor 90.
				new Case("10% floor", order(line(1_000, 1, STANDARD)), FLOOR, 1_000, 90, -1, -1, 1_000),
				// 90.909… → half up 91.
				new Case("10% half up", order(line(1_000, 1, STANDARD)), HALF_UP, 1_000, 91, -1, -1, 1_000),
				// 500 × 3 = 1500; 1500 × 8 / 108 = 111.11… → ceiling 112.
				new Case("8% ceiling", order(line(500, 3, REDUCED)), CEILING, -1, -1, 1_500, 112, 1_500),
				// 500 × 3 = 1500; 111.11… → floor 111.
				new Case("8% floor", order(line(500, 3, REDUCED)), FLOOR, -1, -1, 1_500, 111, 1_500),
				// T10 = 1980 × 2 = 3960, tax10 = 39600 / 110 = 360; T8 = 648 × 3 = 1944, tax8 = 15552 / 108 = 144;
				// grand 3960 + 1944 = 5904.
				new Case("mixed basket", order(line(1_980, 2, STANDARD), line(648, 3, REDUCED)), FLOOR, 3_960, 360, 1_944,
						144, 5_904),
				// Goods 2200 (10%) + 1296 (8%) = 3496, coupon 500.
				// 10%: floor(500 × 2200 / 3496) = floor(314.64) = 314; 8%: floor(500 × 1296 / 3496) = floor(185.35) = 185;
				// 314 + 185 = 499, the 1 yen left goes to the larger group (10%): 315.
				// T10 = 2200 − 315 = 1885, tax10 = 18850 / 110 = 171.36 → 171; T8 = 1296 − 185 = 1111,
				// tax8 = 8888 / 108 = 82.29 → 82; grand 1885 + 1111 = 2996 (= 3496 − 500).
				new Case("fixed coupon, leftover yen", new TaxableOrder(
						List.of(line(2_200, 1, STANDARD), line(1_296, 1, REDUCED)), Coupon.fixed(500), 0, 0, 0), FLOOR,
						1_885, 171, 1_111, 82, 2_996),
				// Goods 3300 + 2160 = 5460, coupon 10% = floor(546.0) = 546.
				// 10%: 546 × 3300 / 5460 = 330 exactly; 8%: 546 × 2160 / 5460 = 216 exactly; nothing left over.
				// T10 = 2970, tax10 = 29700 / 110 = 270; T8 = 1944, tax8 = 15552 / 108 = 144; grand 4914.
				new Case("percent coupon", new TaxableOrder(List.of(line(3_300, 1, STANDARD), line(2_160, 1, REDUCED)),
						Coupon.percent(10), 0, 0, 0), HALF_UP, 2_970, 270, 1_944, 144, 4_914),
				// 8%: 1080 × 2 = 2160, points 160 all on the one goods group → T8 = 2000,
				// tax8 = 16000 / 108 = 148.148 → 148. Shipping 660 at 10%: T10 = 660, tax10 = 6600 / 110 = 60.
				// grand 2000 + 660 = 2660.
				new Case("points and shipping", new TaxableOrder(List.of(line(1_080, 2, REDUCED)), Coupon.NONE, 160, 660, 0),
						FLOOR, 660, 60, 2_000, 148, 2_660),
				// T10 = 980 + shipping 800 + COD 330 = 2110, tax10 = 21100 / 110 = 191.818 → ceiling 192;
				// T8 = 540, tax8 = 4320 / 108 = 40 exactly → 40; grand 2650.
				new Case("shipping and COD fee, ceiling", new TaxableOrder(
						List.of(line(980, 1, STANDARD), line(540, 1, REDUCED)), Coupon.NONE, 0, 800, 330), CEILING, 2_110, 192,
						540, 40, 2_650),
				// 1 yen at 10%: 10 / 110 = 0.09 → floor 0.
				new Case("1 yen, floor", order(line(1, 1, STANDARD)), FLOOR, 1, 0, -1, -1, 1),
				// 0.09 → ceiling 1: the whole yen is tax, net 0.
				new Case("1 yen, ceiling", order(line(1, 1, STANDARD)), CEILING, 1, 1, -1, -1, 1),
				// 8%, 7 yen: 56 / 108 = 0.5185 → half up 1.
				new Case("7 yen at 8%, just over half", order(line(7, 1, REDUCED)), HALF_UP, -1, -1, 7, 1, 7),
				// 8%, 20 yen: 160 / 108 = 1.4815 → half up 1.
				new Case("20 yen at 8%, just under half", order(line(20, 1, REDUCED)), HALF_UP, -1, -1, 20, 1, 20),
				// T10 = 9,999,999 × 100 = 999,999,900; tax10 = 999,999,900 / 11: 11 × 90,909,081 = 999,999,891, rest 9
				// → 90,909,081. T8 = 1,234,567 × 50 = 61,728,350; tax8 = 61,728,350 × 2 / 27 = 123,456,700 / 27:
				// 27 × 4,572,470 = 123,456,690, rest 10 → 4,572,470. grand 1,061,728,250.
				new Case("large order", order(line(9_999_999, 100, STANDARD), line(1_234_567, 50, REDUCED)), FLOOR,
						999_999_900, 90_909_081, 61_728_350, 4_572_470, 1_061_728_250),
				// Goods 1000 + 1000, coupon 101: floor(50.5) = 50 each, the 1 yen left to 10% on the tie: 51.
				// T10 = 949, tax10 = 9490 / 110 = 86.27 → 86; T8 = 950, tax8 = 7600 / 108 = 70.37 → 70; grand 1899.
				new Case("tie goes to 10%", new TaxableOrder(List.of(line(1_000, 1, STANDARD), line(1_000, 1, REDUCED)),
						Coupon.fixed(101), 0, 0, 0), FLOOR, 949, 86, 950, 70, 1_899),
				// 10%: 500 × 2 = 1000, coupon 100% = 1000 → goods 0; shipping 550: T10 = 550, tax10 = 5500 / 110 = 50.
				new Case("100% coupon, shipping still paid", new TaxableOrder(List.of(line(500, 2, STANDARD)),
						Coupon.percent(100), 0, 550, 0), FLOOR, 550, 50, -1, -1, 550),
				// 8%: 1000, coupon 300 + points 700 = 1000 → T8 = 0, tax 0, grand 0.
				new Case("coupon and points pay everything", new TaxableOrder(List.of(line(1_000, 1, REDUCED)),
						Coupon.fixed(300), 700, 0, 0), FLOOR, -1, -1, 0, 0, 0),
				// Three lines of 105 at 10%: T10 = 315, tax10 = 3150 / 110 = 28.636 → 28. (Rounding each line,
				// 1050 / 110 = 9.54 → 9, would give 27: one rounding per rate is the rule.)
				new Case("one rounding per rate, not per line",
						order(line(105, 1, STANDARD), line(105, 1, STANDARD), line(105, 1, STANDARD)), FLOOR, 315, 28, -1, -1,
						315),
				// Goods 1000 (10%) + 2000 (8%) = 3000; coupon 5% = 150, points 100 → D = 250.
				// 10%: floor(250 × 1000 / 3000) = floor(83.3) = 83; 8%: floor(250 × 2000 / 3000) = floor(166.7) = 166;
				// 249, the 1 yen left to the larger group (8%): 167. T10 = 917, tax10 = 9170 / 110 = 83.36 → 83;
				// T8 = 1833, tax8 = 14664 / 108 = 135.78 → half up 136; grand 2750.
				new Case("percent coupon and points, leftover to 8%", new TaxableOrder(
						List.of(line(1_000, 1, STANDARD), line(2_000, 1, REDUCED)), Coupon.percent(5), 100, 0, 0), HALF_UP, 917,
						83, 1_833, 136, 2_750));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("handComputedCases")
	void matchesTheHandComputation(Case expected) {
		TaxBreakdown breakdown = TaxBreakdown.of(expected.order(), expected.rounding());

		assertThat(breakdown.at(STANDARD).map(RateTotal::total).orElse(-1L)).as("T10").isEqualTo(expected.t10());
		assertThat(breakdown.at(STANDARD).map(RateTotal::tax).orElse(-1L)).as("tax10").isEqualTo(expected.tax10());
		assertThat(breakdown.at(REDUCED).map(RateTotal::total).orElse(-1L)).as("T8").isEqualTo(expected.t8());
		assertThat(breakdown.at(REDUCED).map(RateTotal::tax).orElse(-1L)).as("tax8").isEqualTo(expected.tax8());
		assertThat(breakdown.grandTotal()).as("grand total").isEqualTo(expected.grandTotal());
	}

	@Test
	void netIsTotalLessTaxAndPointsAreEarnedOnGoodsPaidInMoney() {
		// The "points and shipping" case: net8 = 2000 − 148 = 1852, net10 = 660 − 60 = 600; points base
		// = goods 2160 − points 160 = 2000 (shipping earns none).
		TaxBreakdown breakdown = TaxBreakdown.of(
				new TaxableOrder(List.of(line(1_080, 2, REDUCED)), Coupon.NONE, 160, 660, 0), FLOOR);
		assertThat(breakdown.at(REDUCED).orElseThrow().net()).isEqualTo(1_852);
		assertThat(breakdown.at(STANDARD).orElseThrow().net()).isEqualTo(600);
		assertThat(breakdown.pointsBase()).isEqualTo(2_000);
		assertThat(breakdown.totalTax()).isEqualTo(208);
	}

	/**
	 * Property: for any valid basket, discount and rule, the per-rate totals add up to the goods
	 * less discounts plus fees, and no tax or net amount is negative or larger than its total.
	 */
	@Test
	void perRateTotalsAlwaysSumToTheGrandTotalAndTaxIsNeverNegative() {
		Random random = new Random(20231001L);
		for (int run = 0; run < 20_000; run++) {
			List<OrderLine> lines = new ArrayList<>();
			int count = 1 + random.nextInt(6);
			for (int i = 0; i < count; i++) {
				long price = random.nextInt(10) == 0 ? 1 + random.nextInt(20) : 1 + random.nextInt(50_000);
				lines.add(line(price, 1 + random.nextInt(20), random.nextBoolean() ? STANDARD : REDUCED));
			}
			long goods = lines.stream().mapToLong(OrderLine::amount).sum();
			Coupon coupon = switch (random.nextInt(3)) {
				case 0 -> Coupon.NONE;
				case 1 -> Coupon.fixed(1 + random.nextLong(goods));
				default -> Coupon.percent(1 + random.nextInt(100));
			};
			long left = goods - coupon.amountOff(goods);
			long points = left <= 0 || random.nextBoolean() ? 0 : random.nextLong(left + 1);
			long shipping = random.nextBoolean() ? 0 : random.nextInt(2_000);
			long cod = random.nextBoolean() ? 0 : random.nextInt(1_000);
			Rounding rounding = Rounding.values()[random.nextInt(3)];

			TaxBreakdown breakdown = TaxBreakdown.of(new TaxableOrder(lines, coupon, points, shipping, cod), rounding);

			assertThat(breakdown.grandTotal()).isEqualTo(goods - coupon.amountOff(goods) - points + shipping + cod);
			assertThat(breakdown.rates()).allSatisfy(rate -> {
				assertThat(rate.total()).isNotNegative();
				assertThat(rate.tax()).isNotNegative().isLessThanOrEqualTo(rate.total());
				assertThat(rate.net()).isNotNegative();
			});
		}
	}

	@Test
	void badInputIsRefusedWithItsOwnMessage() {
		assertRefused(() -> line(100, 0, STANDARD), "tax.quantity.invalid");
		assertRefused(() -> line(100, -1, STANDARD), "tax.quantity.invalid");
		assertRefused(() -> line(100, 10_000, STANDARD), "tax.quantity.tooLarge");
		assertRefused(() -> line(0, 1, STANDARD), "tax.price.invalid");
		assertRefused(() -> line(-5, 1, REDUCED), "tax.price.invalid");
		assertRefused(() -> line(10_000_001, 1, REDUCED), "tax.price.tooLarge");
		assertRefused(() -> Coupon.percent(0), "tax.coupon.percentOutOfRange");
		assertRefused(() -> Coupon.percent(101), "tax.coupon.percentOutOfRange");
		assertRefused(() -> Coupon.fixed(0), "tax.coupon.amountInvalid");
		assertRefused(() -> new TaxableOrder(List.of(), Coupon.NONE, 0, 0, 0), "tax.lines.empty");
		assertRefused(() -> new TaxableOrder(List.of(line(100, 1, STANDARD)), Coupon.NONE, -1, 0, 0), "tax.points.negative");
		assertRefused(() -> new TaxableOrder(List.of(line(100, 1, STANDARD)), Coupon.NONE, 0, -1, 0), "tax.fee.negative");
		assertRefused(() -> new TaxableOrder(List.of(line(100, 1, STANDARD)), Coupon.NONE, 0, 0, 1_000_001),
				"tax.fee.tooLarge");
		// 100 of goods: a 101-yen coupon, or 60 off plus 41 points, is more than there is to pay.
		assertRefused(() -> TaxBreakdown.of(new TaxableOrder(List.of(line(100, 1, STANDARD)), Coupon.fixed(101), 0, 0, 0),
				FLOOR), "tax.discount.exceedsSubtotal");
		assertRefused(() -> TaxBreakdown.of(new TaxableOrder(List.of(line(100, 1, STANDARD)), Coupon.fixed(60), 41, 0, 0),
				FLOOR), "tax.discount.exceedsSubtotal");
		assertRefused(() -> TaxBreakdown.of(
				new TaxableOrder(List.of(line(100, 1, STANDARD)), Coupon.fixed(Long.MAX_VALUE), Long.MAX_VALUE, 0, 0), FLOOR),
				"tax.discount.exceedsSubtotal");
	}

	@Test
	void receiptFactsMarkReducedLinesAndCarryTheNumber() {
		TaxableOrder order = order(line(1_980, 1, STANDARD), line(648, 2, REDUCED));
		TaxBreakdown breakdown = TaxBreakdown.of(order, FLOOR);
		InvoiceRegistrationNumber number = InvoiceRegistrationNumber.parse("T7000012050002");

		ReceiptFacts facts = ReceiptFacts.of(order, breakdown,
				new TaxSettings(FLOOR, java.util.Optional.of(number)));

		assertThat(facts.lines()).extracting(ReceiptFacts.Line::mark).containsExactly("", "※");
		assertThat(facts.showsReducedLegend()).isTrue();
		assertThat(facts.isQualifiedInvoice()).isTrue();
		assertThat(facts.registrationNumber()).contains(number);
		// T10 = 1980, tax10 = 19800 / 110 = 180; T8 = 1296, tax8 = 10368 / 108 = 96.
		assertThat(facts.rates()).containsExactly(new RateTotal(STANDARD, 1_980, 180), new RateTotal(REDUCED, 1_296, 96));
		assertThat(facts.grandTotal()).isEqualTo(3_276);
		assertThat(ReceiptFacts.of(order(line(100, 1, STANDARD)), TaxBreakdown.of(order(line(100, 1, STANDARD)), FLOOR),
				TaxSettings.DEFAULTS)).satisfies(plain -> {
					assertThat(plain.showsReducedLegend()).isFalse();
					assertThat(plain.isQualifiedInvoice()).isFalse();
				});
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
		assertThatThrownBy(call).isInstanceOfSatisfying(TaxInputException.class,
				refused -> assertThat(refused.messageKey()).isEqualTo(key));
	}

	private static OrderLine line(long unitPrice, int quantity, TaxRate rate) {
		return new OrderLine("item", unitPrice, quantity, rate);
	}

	private static TaxableOrder order(OrderLine... lines) {
		return TaxableOrder.of(lines);
	}

}
