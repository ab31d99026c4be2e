package org.misemori.identity.staff;

import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.identity.member.MemberFixtures;
import org.misemori.identity.member.MemberProfile;
import org.misemori.identity.member.MemberProfiles;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.audit.PersonalDataReads;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.BlindIndexKind;
import org.misemori.vault.FieldRef;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin's members area: masked list, one member's full data and the Shift_JIS export, each
 * behind its permissions, the last two behind a code given in the last five minutes, and audited.
 */
@MisemoriIntegrationTest
class AdminMembersIntegrationTest {

	private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash";

	@Autowired
	MockMvc mvc;

	@Autowired
	ShopAdministration administration;

	@Autowired
	StaffAccounts staff;

	@Autowired
	Environment environment;

	@Autowired
	ShopVault vault;

	Shop shop;

	Shop otherShop;

	long taro;

	long formula;

	long plusMember;

	@Autowired
	PersonalDataReads reads;

	@Autowired
	MemberProfiles profiles;

	private static final MemberProfile TARO = new MemberProfile("山田 太郎", "ヤマダ タロウ", LocalDate.of(1980, 1, 2), "male",
			"03-1234-5678", "1000005", "東京都", "千代田区丸の内1-1", null, "会社員");

	@BeforeEach
	void shopWithMembersAndStaff() throws SQLException {
		shop = ShopFixtures.kissaShop(administration);
		otherShop = ShopFixtures.zakkaShop(administration);
		taro = addMember(shop, "taro.yamada@example.jp", true);
		formula = addMember(shop, "=HYPERLINK(\"http://evil.example\")@example.jp", false);
		plusMember = addMember(shop, "+81-90@example.jp", true);
		addMember(otherShop, "hidden@other.example.jp", true);
		StaffFixtures.add(environment, vault, shop, "clerk", "clerk@kissa.example.jp", false, HASH, StaffPermission.ORDERS);
		StaffFixtures.add(environment, vault, shop, "support", "support@kissa.example.jp", false, HASH,
				StaffPermission.MEMBERS_PERSONAL_DATA);
		StaffFixtures.add(environment, vault, shop, "exporter", "exporter@kissa.example.jp", false, HASH, StaffPermission.EXPORT,
				StaffPermission.MEMBERS_PERSONAL_DATA);
		StaffFixtures.add(environment, vault, shop, "export-only", "eo@kissa.example.jp", false, HASH, StaffPermission.EXPORT);
	}

	@Test
	void theListMasksAddressesAndShowsOnlyThisShop() throws Exception {
		mvc.perform(get("/admin/members").with(StaffFixtures.signedIn(staff, shop, "clerk")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ta***@example.jp")))
			.andExpect(content().string(containsString("山＊ ＊＊")))
			.andExpect(content().string(not(containsString("taro.yamada"))))
			.andExpect(content().string(not(containsString("山田"))))
			.andExpect(content().string(not(containsString("hi***@other.example.jp"))))
			.andExpect(content().string(not(containsString("href=\"/admin/members/" + taro + "\""))));
	}

	@Test
	void fullDataNeedsThePermissionAndARecentCodeAndIsAudited() throws Exception {
		mvc.perform(get("/admin/members/" + taro).with(StaffFixtures.signedIn(staff, shop, "clerk")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/members/" + taro)
			.with(StaffFixtures.signedIn(staff, shop, "support", Instant.now().minus(Duration.ofMinutes(6)))))
			.andExpect(redirectedUrl("/admin/2fa?stepup"));
		assertThat(audit(450, "support")).isEmpty();

		mvc.perform(get("/admin/members/" + taro).with(StaffFixtures.signedIn(staff, shop, "support")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("taro.yamada@example.jp")))
			.andExpect(content().string(containsString("山田 太郎")))
			.andExpect(content().string(containsString("〒100-0005 東京都千代田区丸の内1-1")))
			.andExpect(content().string(containsString("03-1234-5678")));
		assertThat(audit(450, "support")).containsExactly("memberId=" + taro);
	}

	@Test
	void anotherShopsMemberIsNotFound() throws Exception {
		long hidden = addMember(otherShop, "also-hidden@other.example.jp", true);
		mvc.perform(get("/admin/members/" + hidden).with(StaffFixtures.signedIn(staff, shop, "support")))
			.andExpect(status().isNotFound());
	}

	@Test
	void exportIsShiftJisGuardedAgainstFormulasAndAudited() throws Exception {
		MvcResult result = mvc.perform(get("/admin/export/members.csv").with(StaffFixtures.signedIn(staff, shop, "exporter")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("members.csv")))
			.andReturn();
		assertThat(org.springframework.http.MediaType.parseMediaType(result.getResponse().getContentType()).getCharset())
			.isEqualTo(Charset.forName("Windows-31J"));
		byte[] bytes = result.getResponse().getContentAsByteArray();
		String text = new String(bytes, Charset.forName("Windows-31J"));
		List<String> lines = text.lines().toList();
		assertThat(lines).hasSize(5);
		// The watermark: who took the file and when, which the importer skips.
		assertThat(lines.get(0)).matches("# exported by " + shop.code().value()
				+ "/exporter at \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}\\+09:00 / 個人情報: 取扱注意");
		lines = lines.subList(1, lines.size());
		assertThat(lines.get(0)).isEqualTo(
				"会員番号,メールアドレス,氏名,フリガナ,生年月日,性別,電話番号,郵便番号,都道府県,市区町村・番地,建物名,職業,状態,登録日時,メール確認日時");
		assertThat(lines.get(1)).startsWith(taro
				+ ",taro.yamada@example.jp,山田 太郎,ヤマダ タロウ,1980-01-02,男性,03-1234-5678,100-0005,東京都,千代田区丸の内1-1,,会社員,本会員,");
		// Formula cells are text: a leading apostrophe, and Commons CSV's quoting of the quotes.
		assertThat(lines.get(2))
			.startsWith(formula + ",\"'=HYPERLINK(\"\"http://evil.example\"\")@example.jp\"" + ",".repeat(11) + "仮会員,");
		assertThat(lines.get(3)).contains(",'+81-90@example.jp" + ",".repeat(11) + "本会員,");
		assertThat(text).doesNotContain("hidden@other.example.jp");
		// Really Shift_JIS: 会 is 0x89EF there (in UTF-8 it would be E4 BC 9A).
		int header = text.indexOf("会員番号");
		int at = text.substring(0, header).getBytes(Charset.forName("Windows-31J")).length;
		assertThat(bytes[at]).isEqualTo((byte) 0x89);
		assertThat(bytes[at + 1]).isEqualTo((byte) 0xEF);
		assertThat(audit(451, "exporter")).containsExactly("rows=3 format=csv/Windows-31J");
	}

	@Test
	void exportNeedsBothPermissionsAndARecentCode() throws Exception {
		mvc.perform(get("/admin/export/members.csv").with(StaffFixtures.signedIn(staff, shop, "export-only")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/export/members.csv").with(StaffFixtures.signedIn(staff, shop, "support")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/export/members.csv")
			.with(StaffFixtures.signedIn(staff, shop, "exporter", Instant.now().minus(Duration.ofMinutes(6)))))
			.andExpect(redirectedUrl("/admin/2fa?stepup"));
		assertThat(audit(451, "exporter")).isEmpty();
	}

	@Test
	void everyScreenAndExportOfPersonalDataIsOnTheReadRecordAndTheTwoScopingQueriesFindIt() throws Exception {
		Instant before = Instant.now().minusSeconds(1);
		mvc.perform(get("/admin/members/" + taro).with(StaffFixtures.signedIn(staff, shop, "support")))
			.andExpect(status().isOk());
		mvc.perform(get("/admin/members").with(StaffFixtures.signedIn(staff, shop, "clerk"))).andExpect(status().isOk());
		mvc.perform(get("/admin/export/members.csv").with(StaffFixtures.signedIn(staff, shop, "exporter")))
			.andExpect(status().isOk());
		Instant after = Instant.now().plusSeconds(1);
		String support = shop.code() + "/support";

		List<PersonalDataReads.Reading> readersOfTaro = reads.whoRead(shop.id().value(), "MEMBER", taro, before, after);
		assertThat(readersOfTaro).extracting(PersonalDataReads.Reading::principal)
			.containsExactlyInAnyOrder(support, shop.code() + "/clerk", shop.code() + "/exporter");
		assertThat(readersOfTaro).filteredOn(reading -> reading.principal().endsWith("/clerk"))
			.singleElement()
			.satisfies(reading -> assertThat(reading.fields()).contains("email(masked)", "name(masked)", "prefecture")
				.doesNotContain("email", "name"));
		assertThat(reads.whoRead(shop.id().value(), "MEMBER", taro, after, after.plusSeconds(60))).isEmpty();
		assertThat(reads.whoRead(otherShop.id().value(), "MEMBER", taro, before, after)).isEmpty();

		assertThat(reads.readBy(support, before, after)).singleElement().satisfies(reading -> {
			assertThat(reading.recordIds()).containsExactly(taro);
			assertThat(reading.purpose()).isEqualTo("admin member detail");
			assertThat(reading.fields()).contains("email", "name", "kana", "phone", "address", "birth_date");
		});
		assertThat(reads.readBy(shop.code() + "/exporter", before, after)).singleElement()
			.satisfies(reading -> assertThat(reading.recordIds()).containsExactly(taro, formula, plusMember));
	}

	@Test
	void theReadRecordCanOnlyBeAddedTo() throws Exception {
		try (Connection app = Databases.asRuntimeRole(environment); var statement = app.createStatement()) {
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM audit.personal_data_read"))
				.hasMessageContaining("permission denied");
		}
		try (Connection owner = Databases.asOwner(environment); var statement = owner.createStatement()) {
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit.personal_data_read"))
				.hasMessageContaining("append-only");
		}
	}

	/** A member brought in as a shop would (sealed, indexed), then set back to provisional if asked. */
	private long addMember(Shop owner, String email, boolean active) throws SQLException {
		MemberProfile profile = email.startsWith("taro.") ? TARO : MemberProfile.EMPTY;
		long id = MemberFixtures.memberWithProfile(profiles, owner, email, HASH, profile);
		if (!active) {
			try (Connection connection = Databases.asCrossShopRole(environment);
					PreparedStatement provisional = connection.prepareStatement(
							"UPDATE identity.member_account SET status = 'PROVISIONAL', verified_at = NULL WHERE shop_id = ? AND id = ?")) {
				provisional.setLong(1, owner.id().value());
				provisional.setLong(2, id);
				assertThat(provisional.executeUpdate()).isEqualTo(1);
			}
		}
		return id;
	}

	private List<String> audit(int code, String loginId) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection
					.prepareStatement("SELECT detail FROM audit.audit_event WHERE type_code = ? AND actor = ? ORDER BY id")) {
			select.setInt(1, code);
			select.setString(2, shop.code().value() + "/" + loginId);
			List<String> details = new java.util.ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					details.add(rows.getString(1));
				}
			}
			return details;
		}
	}

}
