package org.misemori.shipping;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The carriers' slip files byte for byte: windows-31j, CRLF, the columns where the carriers'
 * software reads them, look-alike characters mapped, and a character Shift_JIS lacks refused
 * with the order named instead of becoming '?'.
 */
class DeliverySlipsUnitTest {

	private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	private static final LocalDate SHIPPING_DAY = LocalDate.of(2026, 5, 1);

	private static ShipmentSlip slip(String recipientName, String building) {
		return new ShipmentSlip("M-1001", recipientName, "090-1234-5678", "１５０－０００１", Prefecture.TOKYO, "渋谷区神宮前1-2-3",
				building, LocalDate.of(2026, 5, 3), DeliverySlot.H14_16, "南部鉄器 急須", true, 5_500, true, "喫茶みどり",
				"03-1234-5678", "100-0005", "東京都千代田区丸の内1-1", 500L);
	}

	@Test
	void aYamatoSlipIsTheStandardLayoutInShiftJisWithCrlf() {
		byte[] file = DeliverySlips.yamatoB2Cloud(List.of(slip("山田　太郎", "メゾン〜青山 101")), SHIPPING_DAY,
				new YamatoBilling("0312345678", "", "01"));

		List<String> expected = new ArrayList<>(List.of("M-1001", "2", "2", "", "2026/05/01", "2026/05/03", "1416", "",
				"090-1234-5678", "", "150-0001", "東京都渋谷区神宮前1-2-3", "メゾン\uFF5E青山 101", "", "", "山田　太郎", "", "様", "",
				"03-1234-5678", "", "100-0005", "東京都千代田区丸の内1-1", "", "喫茶みどり", "", "", "南部鉄器 急須", "", "", "", "", "",
				"5500", "500", "", "", "", "", "0312345678", "", "01"));
		assertThat(expected).hasSize(42);
		String header = String.join(",", YamatoB2Layout.HEADER);
		assertThat(header).startsWith("お客様管理番号,送り状種別,クール区分,伝票番号,出荷予定日,お届け予定（指定）日,配達時間帯,");
		assertThat(file).isEqualTo((header + "\r\n" + String.join(",", expected) + "\r\n").getBytes(WINDOWS_31J));
		// The wave dash was written as windows-31j's 0x8160, never as '?'; lines end in CR LF.
		String hex = HexFormat.of().formatHex(file);
		assertThat(hex).contains(HexFormat.of().formatHex("メゾン".getBytes(WINDOWS_31J)) + "8160");
		assertThat(file).doesNotContain((byte) '?');
		assertThat(file[file.length - 2]).isEqualTo((byte) '\r');
		assertThat(file[file.length - 1]).isEqualTo((byte) '\n');
	}

	@Test
	void aPrepaidSlipWithoutDateOrSlotLeavesThoseColumnsEmpty() {
		ShipmentSlip plain = new ShipmentSlip("M-1002", "佐藤 花子", "0312345678", "1000005", Prefecture.HOKKAIDO,
				"札幌市中央区北1条西2丁目", null, null, null, "煎茶", false, 0, false, "喫茶みどり", "03-1234-5678", "100-0005",
				"東京都千代田区丸の内1-1");
		String text = new String(DeliverySlips.yamatoB2Cloud(List.of(plain), SHIPPING_DAY), WINDOWS_31J);
		String[] row = text.split("\r\n")[1].split(",", -1);
		assertThat(row).hasSize(42);
		assertThat(row[1]).isEqualTo("0");
		assertThat(row[2]).isEqualTo("0");
		assertThat(row[5]).isEmpty();
		assertThat(row[6]).isEmpty();
		assertThat(row[10]).isEqualTo("100-0005");
		assertThat(row[11]).isEqualTo("北海道札幌市中央区北1条西2丁目");
		assertThat(row[33]).isEmpty();
	}

	@Test
	void aSagawaSlipHasItsOwnCodesAndCutsTheAddressIntoColumns() {
		String text = new String(DeliverySlips.sagawaEHiden(List.of(slip("山田　太郎", "メゾン〜青山 101")), SHIPPING_DAY),
				WINDOWS_31J);
		String[] lines = text.split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0].split(",", -1)).hasSize(74).startsWith("お届け先コード取得区分", "お届け先コード", "お届け先電話番号");
		String[] row = lines[1].split(",", -1);
		assertThat(row).hasSize(74);
		assertThat(row[2]).isEqualTo("090-1234-5678");
		assertThat(row[3]).isEqualTo("150-0001");
		assertThat(row[4]).isEqualTo("東京都渋谷区神宮前1-2-3");
		assertThat(row[5]).isEqualTo("メゾン\uFF5E青山 101");
		assertThat(row[6]).isEmpty();
		assertThat(row[7]).isEqualTo("山田　太郎");
		assertThat(row[9]).isEqualTo("M-1001");
		assertThat(row[24]).isEqualTo("南部鉄器 急須");
		assertThat(row[41]).isEqualTo("1");
		assertThat(row[43]).isEqualTo("002");
		assertThat(row[44]).isEqualTo("20260503");
		assertThat(row[45]).isEqualTo("14");
		assertThat(row[47]).isEqualTo("5500");
		assertThat(row[48]).isEqualTo("500");
		assertThat(row[57]).isEqualTo("1");
		assertThat(row[60]).isEqualTo("20260501");
	}

	@Test
	void aLongSagawaAddressIsCutAtCharactersAndTooLongIsRefused() {
		ShipmentSlip longAddress = new ShipmentSlip("M-1003", "田中 一郎", "090-0000-0000", "060-0001", Prefecture.HOKKAIDO,
				"札幌市中央区北一条西二丁目一番地三号グランドハイツ", "", null, null, "煎茶", false, 0, false, "喫茶みどり",
				"03-1234-5678", "100-0005", "東京都千代田区丸の内1-1");
		String[] row = new String(DeliverySlips.sagawaEHiden(List.of(longAddress), SHIPPING_DAY), WINDOWS_31J)
			.split("\r\n")[1].split(",", -1);
		assertThat(row[4]).isEqualTo("北海道札幌市中央区北一条西二丁目");
		assertThat(row[5]).isEqualTo("一番地三号グランドハイツ");

		ShipmentSlip tooLong = new ShipmentSlip("M-1004", "田中 一郎", "090-0000-0000", "060-0001", Prefecture.HOKKAIDO,
				String.join("", Collections.nCopies(50, "長")), "", null, null, "煎茶", false, 0, false, "喫茶みどり",
				"03-1234-5678", "100-0005", "東京都千代田区丸の内1-1");
		assertThatThrownBy(() -> DeliverySlips.sagawaEHiden(List.of(tooLong), SHIPPING_DAY))
			.hasFieldOrPropertyWithValue("messageKey", "shipping.slip.tooLong");
		assertThatThrownBy(() -> DeliverySlips.yamatoB2Cloud(List.of(tooLong), SHIPPING_DAY))
			.hasFieldOrPropertyWithValue("messageKey", "shipping.slip.tooLong");
	}

	@Test
	void aCharacterShiftJisLacksIsRefusedWithTheOrderNamedNotWrittenAsAQuestionMark() {
		ShippingException refused = org.junit.jupiter.api.Assertions.assertThrows(ShippingException.class,
				() -> DeliverySlips.yamatoB2Cloud(List.of(slip("山田　太郎", ""), slip("𠮷田 花子", "")), SHIPPING_DAY));
		assertThat(refused.messageKey()).isEqualTo("shipping.slip.unencodable");
		assertThat(refused.getArguments()).containsExactly("M-1001", "お届け先名", "𠮷", "U+20BB7");

		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		assertThat(messages.getMessage(refused, Locale.JAPANESE)).contains("注文 M-1001", "「𠮷」", "Shift_JIS");
		assertThat(messages.getMessage(refused, Locale.ENGLISH)).contains("order M-1001", "\"𠮷\"");

		assertThatThrownBy(() -> DeliverySlips.sagawaEHiden(List.of(slip("山田　太郎", "ハイツ😀")), SHIPPING_DAY))
			.hasFieldOrPropertyWithValue("messageKey", "shipping.slip.unencodable");
	}

	@Test
	void aValueWithACommaOrQuoteIsQuoted() {
		ShipmentSlip withComma = new ShipmentSlip("M-1005", "Smith, \"Jo\"", "090-0000-0000", "060-0001",
				Prefecture.HOKKAIDO, "札幌市", "", null, null, "Tea", false, 0, false, "喫茶みどり", "03-1234-5678", "100-0005",
				"東京都千代田区丸の内1-1");
		String text = new String(DeliverySlips.yamatoB2Cloud(List.of(withComma), SHIPPING_DAY), WINDOWS_31J);
		assertThat(text).contains(",\"Smith, \"\"Jo\"\"\",");
	}

}
