package org.misemori.identity.member;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Set;

/**
 * What a shop knows of a member besides the address they sign in with, as Japanese shops ask
 * for it: 氏名, フリガナ, 生年月日, 性別, 電話番号, 郵便番号, 都道府県, 市区町村・番地, 建物名, 職業.
 * Every field is optional and every one is sealed at rest.
 */
public record MemberProfile(String name, String kana, LocalDate birthDate, String gender, String phone,
		String postalCode, String prefecture, String address, String building, String occupation) {

	static final Set<String> PREFECTURES = Set.of("北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県",
			"栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県",
			"静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県",
			"山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");

	static final Set<String> GENDERS = Set.of("female", "male", "other", "unanswered");

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	/** Each field is checked where it is given, so a form can name the one to put right. */
	public MemberProfile {
		name = text(name, 50, "member.profile.name");
		kana = text(kana, 50, "member.profile.kana");
		if (kana != null && !kana.matches("[\\p{InKatakana}ー・　 ]+")) {
			throw new MemberAccounts.MemberProblem("member.profile.kana");
		}
		if (birthDate != null && birthDate.isBefore(EARLIEST_BIRTH)) {
			throw new MemberAccounts.MemberProblem("member.profile.birth-date");
		}
		gender = text(gender, 20, "member.profile.gender");
		if (gender != null && !GENDERS.contains(gender)) {
			throw new MemberAccounts.MemberProblem("member.profile.gender");
		}
		phone = text(phone, 20, "member.profile.phone");
		if (phone != null && !phone.matches("0\\d{1,4}-?\\d{1,4}-?\\d{3,4}")) {
			throw new MemberAccounts.MemberProblem("member.profile.phone");
		}
		postalCode = text(postalCode, 8, "member.profile.postal-code");
		if (postalCode != null) {
			if (!postalCode.matches("\\d{3}-?\\d{4}")) {
				throw new MemberAccounts.MemberProblem("member.profile.postal-code");
			}
			postalCode = postalCode.replace("-", "").substring(0, 3) + "-" + postalCode.replace("-", "").substring(3);
		}
		prefecture = text(prefecture, 4, "member.profile.prefecture");
		if (prefecture != null && !PREFECTURES.contains(prefecture)) {
			throw new MemberAccounts.MemberProblem("member.profile.prefecture");
		}
		address = text(address, 200, "member.profile.address");
		building = text(building, 100, "member.profile.building");
		occupation = text(occupation, 50, "member.profile.occupation");
	}

	/** Full-width digits and spaces as Japanese keyboards type them, trimmed; blank is absent. */
	private static String text(String value, int maxLength, String problem) {
		if (value == null) {
			return null;
		}
		String normalised = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
		if (normalised.isEmpty()) {
			return null;
		}
		if (normalised.length() > maxLength || normalised.chars().anyMatch(Character::isISOControl)) {
			throw new MemberAccounts.MemberProblem(problem);
		}
		return normalised;
	}

	public static final MemberProfile EMPTY = new MemberProfile(null, null, null, null, null, null, null, null, null,
			null);

	/** 〒100-0005 東京都千代田区丸の内1-1 ○○ビル, as a label or a delivery slip writes it. */
	public String fullAddress() {
		StringBuilder text = new StringBuilder();
		if (postalCode != null) {
			text.append('〒').append(postalCode).append(' ');
		}
		for (String part : new String[] { prefecture, address }) {
			if (part != null) {
				text.append(part);
			}
		}
		if (building != null) {
			text.append(' ').append(building);
		}
		return text.toString().strip();
	}

}
