package org.misemori.shipping;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The 47 prefectures with their JIS X 0401 codes (01 北海道 … 47 沖縄県), the order every
 * Japanese form lists them in.
 */
public enum Prefecture {

	HOKKAIDO("01", "北海道", "Hokkaido", Region.HOKKAIDO),
	AOMORI("02", "青森県", "Aomori", Region.TOHOKU),
	IWATE("03", "岩手県", "Iwate", Region.TOHOKU),
	MIYAGI("04", "宮城県", "Miyagi", Region.TOHOKU),
	AKITA("05", "秋田県", "Akita", Region.TOHOKU),
	YAMAGATA("06", "山形県", "Yamagata", Region.TOHOKU),
	FUKUSHIMA("07", "福島県", "Fukushima", Region.TOHOKU),
	IBARAKI("08", "茨城県", "Ibaraki", Region.KANTO),
	TOCHIGI("09", "栃木県", "Tochigi", Region.KANTO),
	GUNMA("10", "群馬県", "Gunma", Region.KANTO),
	SAITAMA("11", "埼玉県", "Saitama", Region.KANTO),
	CHIBA("12", "千葉県", "Chiba", Region.KANTO),
	TOKYO("13", "東京都", "Tokyo", Region.KANTO),
	KANAGAWA("14", "神奈川県", "Kanagawa", Region.KANTO),
	NIIGATA("15", "新潟県", "Niigata", Region.CHUBU),
	TOYAMA("16", "富山県", "Toyama", Region.CHUBU),
	ISHIKAWA("17", "石川県", "Ishikawa", Region.CHUBU),
	FUKUI("18", "福井県", "Fukui", Region.CHUBU),
	YAMANASHI("19", "山梨県", "Yamanashi", Region.CHUBU),
	NAGANO("20", "長野県", "Nagano", Region.CHUBU),
	GIFU("21", "岐阜県", "Gifu", Region.CHUBU),
	SHIZUOKA("22", "静岡県", "Shizuoka", Region.CHUBU),
	AICHI("23", "愛知県", "Aichi", Region.CHUBU),
	MIE("24", "三重県", "Mie", Region.KINKI),
	SHIGA("25", "滋賀県", "Shiga", Region.KINKI),
	KYOTO("26", "京都府", "Kyoto", Region.KINKI),
	OSAKA("27", "大阪府", "Osaka", Region.KINKI),
	HYOGO("28", "兵庫県", "Hyogo", Region.KINKI),
	NARA("29", "奈良県", "Nara", Region.KINKI),
	WAKAYAMA("30", "和歌山県", "Wakayama", Region.KINKI),
	TOTTORI("31", "鳥取県", "Tottori", Region.CHUGOKU),
	SHIMANE("32", "島根県", "Shimane", Region.CHUGOKU),
	OKAYAMA("33", "岡山県", "Okayama", Region.CHUGOKU),
	HIROSHIMA("34", "広島県", "Hiroshima", Region.CHUGOKU),
	YAMAGUCHI("35", "山口県", "Yamaguchi", Region.CHUGOKU),
	TOKUSHIMA("36", "徳島県", "Tokushima", Region.SHIKOKU),
	KAGAWA("37", "香川県", "Kagawa", Region.SHIKOKU),
	EHIME("38", "愛媛県", "Ehime", Region.SHIKOKU),
	KOCHI("39", "高知県", "Kochi", Region.SHIKOKU),
	FUKUOKA("40", "福岡県", "Fukuoka", Region.KYUSHU_OKINAWA),
	SAGA("41", "佐賀県", "Saga", Region.KYUSHU_OKINAWA),
	NAGASAKI("42", "長崎県", "Nagasaki", Region.KYUSHU_OKINAWA),
	KUMAMOTO("43", "熊本県", "Kumamoto", Region.KYUSHU_OKINAWA),
	OITA("44", "大分県", "Oita", Region.KYUSHU_OKINAWA),
	MIYAZAKI("45", "宮崎県", "Miyazaki", Region.KYUSHU_OKINAWA),
	KAGOSHIMA("46", "鹿児島県", "Kagoshima", Region.KYUSHU_OKINAWA),
	OKINAWA("47", "沖縄県", "Okinawa", Region.KYUSHU_OKINAWA);

	private final String jisCode;

	private final String japaneseName;

	private final String englishName;

	private final Region region;

	Prefecture(String jisCode, String japaneseName, String englishName, Region region) {
		this.jisCode = jisCode;
		this.japaneseName = japaneseName;
		this.englishName = englishName;
		this.region = region;
	}

	public String jisCode() {
		return jisCode;
	}

	public String japaneseName() {
		return japaneseName;
	}

	public String englishName() {
		return englishName;
	}

	public Region region() {
		return region;
	}

	/** The name in {@code locale}: Japanese unless English is asked for. */
	public String label(Locale locale) {
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? englishName : japaneseName;
	}

	/** The prefecture written exactly so, e.g. "東京都" (surrounding blanks ignored, "東京" is not enough). */
	public static Optional<Prefecture> fromJapaneseName(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String stripped = name.strip();
		return Arrays.stream(values()).filter(p -> p.japaneseName.equals(stripped)).findFirst();
	}

	/** The prefecture of a two-digit JIS code, "01" to "47". */
	public static Optional<Prefecture> fromJisCode(String code) {
		return Arrays.stream(values()).filter(p -> p.jisCode.equals(code)).findFirst();
	}

}
