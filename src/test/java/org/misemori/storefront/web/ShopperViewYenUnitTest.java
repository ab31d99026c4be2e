package org.misemori.storefront.web;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written yen format prints exactly what Java's Japanese integer format prints. */
class ShopperViewYenUnitTest {

	@Test
	void writesYenAsTheJapaneseNumberFormatDoes() {
		NumberFormat japanese = NumberFormat.getIntegerInstance(Locale.JAPAN);
		LongStream.concat(LongStream.rangeClosed(-2_000, 20_000),
				LongStream.of(99_999, 100_000, 999_999, 1_000_000, 10_000_000, 123_456_789, Long.MAX_VALUE,
						Long.MIN_VALUE + 1))
			.forEach(amount -> assertThat(ShopperView.yen(amount)).isEqualTo("¥" + japanese.format(amount)));
	}

	@Test
	void groupsThousands() {
		assertThat(ShopperView.yen(1650)).isEqualTo("¥1,650");
		assertThat(ShopperView.yen(980)).isEqualTo("¥980");
		assertThat(ShopperView.yen(1_234_567)).isEqualTo("¥1,234,567");
	}

}
