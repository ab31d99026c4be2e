package org.misemori.identity.member;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.TestClock;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.staff.StaffFixtures;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.identity.staff.StaffSignIn;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance over real HTTP: members with kanji, kana and 〜 ‐ − ～ exported in
 * Shift_JIS (after a fresh code), watermarked and audited, imported into another shop through
 * the preview and confirm, and identical there after decryption; an import with one bad row,
 * or of members the shop already has, imports nothing and names the lines.
 */
@MisemoriIntegrationTest
class MemberCsvRoundTripIntegrationTest {

	private static final Charset SJIS = Charset.forName("windows-31j");

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	/** 髙 is one of the IBM extension kanji only windows-31j has; ～ is folded to "~" by the profile itself. */
	private static final MemberProfile HANAKO = new MemberProfile("髙橋 花子", "タカハシ ハナコ", LocalDate.of(1990, 4, 1), "female",
			"090-1234-5678", "1500001", "東京都", "渋谷区神宮前1‐2−3〜5", "メゾン～ドール 101", "会社員");

	private static final MemberProfile TARO = new MemberProfile("山田 太郎", "ヤマダ タロウ", null, null, null, null, "北海道",
			null, null, null);

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	MemberProfiles profiles;

	@Autowired
	MemberRoster roster;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Environment environment;

	@Autowired
	ShopVault vault;

	@Autowired
	TestClock clock;

	Shop shop;

	Shop newShop;

	@BeforeEach
	void twoShops() throws Exception {
		shop = ShopFixtures.kissaShop(administration);
		newShop = ShopFixtures.zakkaShop(administration);
		String hash = passwords.encode(OperatorFixtures.PASSPHRASE);
		StaffFixtures.add(environment, vault, shop, "exporter", "exporter@kissa.example.jp", false, hash, StaffPermission.EXPORT,
				StaffPermission.MEMBERS_PERSONAL_DATA);
		StaffFixtures.add(environment, vault, newShop, "importer", "importer@zakka.example.jp", false, hash,
				StaffPermission.MEMBERS_PERSONAL_DATA);
		TenantContext.runAs(shop.id(), () -> {
			profiles.registerActive(shop.id(), "hanako@example.jp", hash, HANAKO);
			profiles.registerActive(shop.id(), "=taro@example.jp", hash, TARO);
		});
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aShiftJisExportImportsIntoAnotherShopWithEveryCharacterIntact() throws Exception {
		StaffSignIn exporter = StaffSignIn.signIn(port, shop, "exporter");
		clock.advance(Duration.ofMinutes(6));
		// The sign-in's code is too old for personal data: a fresh one first.
		String export = "/admin/export/members.csv?encoding=shift_jis";
		assertThat(TestBrowser.location(exporter.browser().get(export))).endsWith("/admin/2fa?stepup");
		assertThat(audit(451, shop)).isEmpty();
		String back = exporter.stepUp(12);
		assertThat(back).contains(export);
		HttpResponse<byte[]> file = exporter.browser().download(back.substring(back.indexOf("/admin")));
		assertThat(file.statusCode()).isEqualTo(200);

		String text = new String(file.body(), SJIS);
		assertThat(text.lines().findFirst().orElseThrow()).startsWith("# exported by " + shop.code().value() + "/exporter at ")
			.endsWith("+09:00 / 個人情報: 取扱注意");
		assertThat(text).contains("髙橋 花子,タカハシ ハナコ,1990-04-01", "'=taro@example.jp");
		// 〜 went out as 0x8160, − as 0x817C, ‐ as 0x815D: what Excel shows as those characters.
		assertThat(indexOf(file.body(), new byte[] { (byte) 0x81, 0x5D, '2', (byte) 0x81, 0x7C, '3', (byte) 0x81, 0x60, '5' }))
			.isPositive();
		assertThat(audit(451, shop)).containsExactly("rows=2 format=csv/Windows-31J");

		clock.reset();
		StaffSignIn importer = StaffSignIn.signIn(port, newShop, "importer");
		HttpResponse<String> preview = upload(importer, file.body());
		assertThat(preview.body()).contains("渋谷区神宮前1‐2−3〜5").doesNotContain("class=\"error\"");
		String token = TestBrowser.find(TOKEN, preview);
		assertThat(TestBrowser.location(importer.browser().post("/admin/members/import/confirm", Map.of("token", token))))
			.endsWith("/admin/members/import?imported=2");

		List<MemberRecord> imported = TenantContext.callAs(newShop.id(), () -> roster.list(newShop.id())
			.stream()
			.map(line -> roster.find(newShop.id(), line.id()).orElseThrow())
			.toList());
		assertThat(imported).extracting(MemberRecord::email).containsExactly("hanako@example.jp", "=taro@example.jp");
		assertThat(imported).extracting(MemberRecord::profile).containsExactly(HANAKO, TARO);
		assertThat(imported.get(0).profile().building()).isEqualTo("メゾン~ドール 101");
		assertThat(imported).allMatch(MemberRecord::active);
		assertThat(audit(550, newShop)).containsExactly("rows=2 format=csv/Windows-31J");

		// The same file again: both are members already, and nothing is imported.
		assertThat(errors(upload(importer, file.body()))).containsExactly(
				"3行目「メールアドレス」列: このメールアドレスの会員はすでにいます。", "4行目「メールアドレス」列: このメールアドレスの会員はすでにいます。");
	}

	@Test
	void aFileWithOneBadRowImportsNothingAndNamesItsLine() throws Exception {
		String file = "会員番号,メールアドレス,氏名,フリガナ,生年月日,性別,電話番号,郵便番号,都道府県,市区町村・番地,建物名,職業,状態,登録日時,メール確認日時\r\n"
				+ "1,good@example.jp,良い 行,ヨイ,1980/1/2,女性,,,,,,,本会員,\"2020-01-01\r\n09:00\",\r\n"
				+ "2,bad,悪い 行,わるい,1980-13-01,不明,,,大阪,,,,本会員,,\r\n";
		StaffSignIn importer = StaffSignIn.signIn(port, newShop, "importer");
		assertThat(errors(upload(importer, file.getBytes(SJIS)))).containsExactly(
				"4行目「メールアドレス」列: メールアドレスの形式が正しくありません。",
				"4行目「生年月日」列: 生年月日「1980-13-01」は 1980-01-02 か 1980/1/2 の形で書いてください。",
				"4行目「フリガナ」列: フリガナは全角カタカナ50文字以内で入力してください。",
				"4行目「性別」列: 性別は「女性」「男性」「その他」「回答しない」から選んでください。",
				"4行目「都道府県」列: 都道府県を一覧から選んでください。");
		assertThat(TenantContext.callAs(newShop.id(), () -> roster.list(newShop.id()))).isEmpty();

		// Personal data wants a fresh code for the import too.
		clock.advance(Duration.ofMinutes(6));
		assertThat(TestBrowser.location(importer.browser().get("/admin/members/import"))).endsWith("/admin/2fa?stepup");
	}

	private static HttpResponse<String> upload(StaffSignIn staff, byte[] file) throws Exception {
		assertThat(staff.browser().get("/admin/members/import").statusCode()).isEqualTo(200);
		HttpResponse<String> preview = staff.browser()
			.postCsv("/admin/members/import", "members.csv", file, Map.of("encoding", "shift_jis"));
		assertThat(preview.statusCode()).isEqualTo(200);
		return preview;
	}

	private static List<String> errors(HttpResponse<String> page) {
		List<String> errors = new ArrayList<>();
		var matcher = Pattern.compile("<li class=\"error\">([^<]*)</li>").matcher(page.body());
		while (matcher.find()) {
			errors.add(org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1)));
		}
		return errors;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private List<String> audit(int code, Shop of) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection
					.prepareStatement("SELECT detail FROM audit.audit_event WHERE type_code = ? AND shop_id = ? ORDER BY id")) {
			select.setInt(1, code);
			select.setLong(2, of.id().value());
			List<String> details = new ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					details.add(rows.getString(1));
				}
			}
			return details;
		}
	}

}
