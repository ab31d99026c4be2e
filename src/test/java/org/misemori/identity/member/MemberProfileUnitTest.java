package org.misemori.identity.member;

import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberProfileUnitTest {

	@Test
	void whatJapaneseKeyboardsTypeIsNormalised() {
		MemberProfile profile = new MemberProfile("　山田　花子　", "ﾔﾏﾀﾞ ﾊﾅｺ", LocalDate.of(1990, 1, 1), "female", "０９０-１２３４-５６７８",
				"１０００００５", "東京都", "千代田区丸の内１－１", "  ", null);
		assertThat(profile.name()).isEqualTo("山田 花子");
		assertThat(profile.kana()).isEqualTo("ヤマダ ハナコ");
		assertThat(profile.phone()).isEqualTo("090-1234-5678");
		assertThat(profile.postalCode()).isEqualTo("100-0005");
		assertThat(profile.building()).as("blank is absent").isNull();
		assertThat(profile.fullAddress()).isEqualTo("〒100-0005 東京都千代田区丸の内1-1");
	}

	@Test
	void eachBadFieldIsNamedInBothLanguages() {
		assertRefused(() -> profile("x".repeat(51), null, null, null, null), "member.profile.name");
		assertRefused(() -> profile(null, "やまだ", null, null, null), "member.profile.kana");
		assertRefused(() -> profile(null, null, "12-34", null, null), "member.profile.phone");
		assertRefused(() -> profile(null, null, null, "12345", null), "member.profile.postal-code");
		assertRefused(() -> profile(null, null, null, null, "東京"), "member.profile.prefecture");
		assertRefused(() -> new MemberProfile(null, null, LocalDate.of(1899, 12, 31), null, null, null, null, null, null, null),
				"member.profile.birth-date");
		assertRefused(() -> new MemberProfile(null, null, null, "robot", null, null, null, null, null, null),
				"member.profile.gender");
		assertRefused(() -> new MemberProfile("山田\u0000", null, null, null, null, null, null, null, null, null),
				"member.profile.name");
	}

	@Test
	void namesAreMaskedButForTheirFirstCharacter() {
		assertThat(MaskedName.of("山田 太郎")).isEqualTo("山＊ ＊＊");
		assertThat(MaskedName.of("Emma Wilson")).isEqualTo("E＊＊＊ ＊＊＊＊＊＊");
	}

	private static MemberProfile profile(String name, String kana, String phone, String postalCode, String prefecture) {
		return new MemberProfile(name, kana, null, null, phone, postalCode, prefecture, null, null, null);
	}

	private static void assertRefused(Runnable creation, String key) {
		assertThatThrownBy(creation::run).isInstanceOfSatisfying(MemberAccounts.MemberProblem.class,
				problem -> assertThat(problem.messageKey()).isEqualTo(key));
		assertThat(ResourceBundle.getBundle("messages", Locale.JAPANESE).getString(key)).isNotBlank();
		assertThat(ResourceBundle.getBundle("messages", Locale.ENGLISH).getString(key)).isNotBlank();
	}

}
