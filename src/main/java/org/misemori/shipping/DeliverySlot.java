package org.misemori.shipping;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The delivery time slots (配達時間帯) both big carriers offer for ordinary parcels. The code is
 * Yamato B2 Cloud's 配達時間帯 code; Sagawa e-飛伝 has its own two-digit codes. Yamato dropped
 * 12〜14時 in 2017 and replaced 20〜21時 by 19〜21時, so neither is offered. Sources: Yamato's
 * 送り状発行データレイアウト (as used by Yamato Financial's EC-CUBE plugin and labocho/yamato_b2_cloud),
 * Sagawa's 配達指定時間帯 codes as listed by e-飛伝Ⅲ exporters (01 午前中, 14, 16, 18, 19).
 */
public enum DeliverySlot {

	MORNING("0812", "01", "午前中", "Morning"),
	H14_16("1416", "14", "14〜16時", "14:00–16:00"),
	H16_18("1618", "16", "16〜18時", "16:00–18:00"),
	H18_20("1820", "18", "18〜20時", "18:00–20:00"),
	H19_21("1921", "19", "19〜21時", "19:00–21:00");

	private final String code;

	private final String sagawaCode;

	private final String japaneseLabel;

	private final String englishLabel;

	DeliverySlot(String code, String sagawaCode, String japaneseLabel, String englishLabel) {
		this.code = code;
		this.sagawaCode = sagawaCode;
		this.japaneseLabel = japaneseLabel;
		this.englishLabel = englishLabel;
	}

	/** Yamato B2 Cloud's code, also this slot's stored form. */
	public String code() {
		return code;
	}

	/** Sagawa e-飛伝's 配達指定時間帯 code. */
	public String sagawaCode() {
		return sagawaCode;
	}

	public String label(Locale locale) {
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? englishLabel : japaneseLabel;
	}

	public static Optional<DeliverySlot> fromCode(String code) {
		return Arrays.stream(values()).filter(slot -> slot.code.equals(code)).findFirst();
	}

}
