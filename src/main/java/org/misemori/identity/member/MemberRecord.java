package org.misemori.identity.member;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One member's full record, as MEMBERS_PERSONAL_DATA holders see it and the export writes it. */
public record MemberRecord(long id, String email, MemberProfile profile, boolean active, Instant registeredAt,
		Instant verifiedAt) {

	private static final DateTimeFormatter JAPAN_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Tokyo"));

	private static final Map<String, String> GENDER_LABELS = Map.of("female", "女性", "male", "男性", "other", "その他",
			"unanswered", "回答しない");

	static final List<String> CSV_HEADER = List.of("会員番号", "メールアドレス", "氏名", "フリガナ", "生年月日", "性別", "電話番号", "郵便番号",
			"都道府県", "市区町村・番地", "建物名", "職業", "状態", "登録日時", "メール確認日時");

	/** 本会員 once the address is confirmed, 仮会員 before. */
	public String statusLabel() {
		return active ? "本会員" : "仮会員";
	}

	/** When they registered, Japan time. */
	public String registeredInJapan() {
		return JAPAN_TIME.format(registeredAt);
	}

	/** 女性, 男性, … as the shop's forms offer them; empty when not given. */
	public String genderLabel() {
		return profile.gender() == null ? "" : GENDER_LABELS.getOrDefault(profile.gender(), profile.gender());
	}

	List<String> csvCells() {
		return List.of(Long.toString(id), email, text(profile.name()), text(profile.kana()),
				profile.birthDate() == null ? "" : profile.birthDate().toString(), genderLabel(), text(profile.phone()),
				text(profile.postalCode()), text(profile.prefecture()), text(profile.address()), text(profile.building()),
				text(profile.occupation()), statusLabel(), JAPAN_TIME.format(registeredAt),
				verifiedAt == null ? "" : JAPAN_TIME.format(verifiedAt));
	}

	private static String text(String value) {
		return Objects.requireNonNullElse(value, "");
	}

}
