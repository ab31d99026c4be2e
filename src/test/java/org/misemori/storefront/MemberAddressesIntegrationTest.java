package org.misemori.storefront;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.Variant;
import org.misemori.identity.member.MemberAccounts;
import org.misemori.identity.member.MemberFixtures;
import org.misemori.ordering.CheckoutSteps;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's address book over real HTTP: their own details and saved delivery addresses
 * added, changed and deleted through the theme's forms, each field checked (ja/en), nobody
 * else's to see or change, sealed at rest, every view on the read record; and checkout filled
 * in from them, the order keeping the address it was placed with.
 */
@MisemoriIntegrationTest
class MemberAddressesIntegrationTest {

	private static final String PASSWORD = "秋の夜長に栗ご飯を炊く";

	private static final Pattern ADDRESS_ID = Pattern.compile("data-address-id=\"(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	MemberAccounts members;

	@Autowired
	Catalog catalog;

	@Autowired
	Environment environment;

	Shop shop;

	String base;

	@BeforeEach
	void aShop() {
		shop = ShopFixtures.zakkaShop(administration);
		base = "/s/" + shop.code().value();
	}

	@Test
	void aMemberKeepsTheirAddressesAndNobodyElseSeesThem() throws Exception {
		TestBrowser hanako = signedInMember();
		assertThat(hanako.get(base + "/account").body()).contains("id=\"addresses-link\"", base + "/account/addresses");
		HttpResponse<String> empty = hanako.get(base + "/account/addresses");
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("住所はまだ登録されていません", "登録されたお届け先はありません");

		hanako.get(base + "/account/addresses/own");
		HttpResponse<String> ownSaved = hanako.post(base + "/account/addresses/own", ownDetails());
		assertThat(TestBrowser.location(ownSaved)).as(ownSaved.body()).endsWith("/account/addresses?done=changed");
		assertThat(hanako.get(base + "/account/addresses").body()).as("full-width input and hiragana normalised")
			.contains("山田 花子", "ヤマダ ハナコ", "〒100-0001", "09012345678", "東京都千代田区千代田1-1");

		long osaka = add(hanako, osakaAddress("梅田ビル5F"));
		HttpResponse<String> editForm = hanako.get(base + "/account/addresses/" + osaka);
		assertThat(editForm.body()).contains("value=\"佐藤 一郎\"", "<option value=\"大阪府\" selected>");
		assertThat(TestBrowser.location(hanako.post(base + "/account/addresses/" + osaka, osakaAddress("梅田ビル6F"))))
			.endsWith("?done=changed");
		String list = hanako.get(base + "/account/addresses").body();
		assertThat(list).contains("佐藤 一郎", "大阪府大阪市北区梅田1-1-1 梅田ビル6F", "0312345678").doesNotContain("梅田ビル5F");

		assertThat(sealedValuesOf(osaka)).as("sealed at rest: no plain value in the superuser's view").isNotEmpty()
			.noneMatch(value -> value.contains("佐藤") || value.contains("梅田") || value.contains("0312345678"));
		assertThat(readRecords()).as("each view of the book is on the read record, the address by its id")
			.anyMatch(read -> read.startsWith("MEMBER_ADDRESS|member:" + shop.id().value() + ":")
					&& read.contains("{" + osaka + "}") && read.contains("member's own addresses"))
			.anyMatch(read -> read.startsWith("MEMBER|") && read.contains("member's own addresses"));

		TestBrowser ichiro = signedInMember();
		HttpResponse<String> notTheirs = ichiro.get(base + "/account/addresses/" + osaka);
		assertThat(notTheirs.statusCode()).isEqualTo(404);
		assertThat(notTheirs.body()).doesNotContain("佐藤", "梅田");
		ichiro.get(base + "/account/addresses/new");
		assertThat(ichiro.post(base + "/account/addresses/" + osaka, osakaAddress("乗っ取りビル")).statusCode()).isEqualTo(404);
		assertThat(ichiro.post(base + "/account/addresses/" + osaka + "/delete", Map.of()).statusCode()).isEqualTo(404);
		assertThat(ichiro.get(base + "/account/addresses").body()).doesNotContain("佐藤", "梅田");
		assertThat(hanako.get(base + "/account/addresses").body()).as("still hers, unchanged")
			.contains("梅田ビル6F").doesNotContain("乗っ取り");

		assertThat(TestBrowser.location(hanako.post(base + "/account/addresses/" + osaka + "/delete", Map.of())))
			.endsWith("?done=removed");
		assertThat(hanako.get(base + "/account/addresses").body()).doesNotContain("佐藤 一郎");
		assertThat(TestBrowser.location(new TestBrowser(port).get(base + "/account/addresses"))).endsWith("/account/login");
	}

	@Test
	void badInputIsNamedFieldByFieldInJapaneseAndEnglish() throws Exception {
		TestBrowser member = signedInMember();
		member.get(base + "/account/addresses/new");
		Map<String, String> bad = Map.of("name", "", "phone", "12-345", "postalCode", "１２３", "prefecture", "東京",
				"address", "", "building", "");
		HttpResponse<String> ja = member.post(base + "/account/addresses", bad);
		assertThat(ja.statusCode()).isEqualTo(422);
		assertThat(ja.body()).contains("お名前を入力してください", "電話番号は0から始まる10桁または11桁", "郵便番号は7桁",
				"都道府県は一覧から選択してください", "住所（市区町村・番地）を入力してください");

		member.get(base + "/account/addresses/own");
		Map<String, String> latinKana = new LinkedHashMap<>(ownDetails());
		latinKana.put("kana", "Yamada Hanako");
		latinKana.put("building", "x".repeat(101));
		HttpResponse<String> kana = member.post(base + "/account/addresses/own", latinKana);
		assertThat(kana.statusCode()).isEqualTo(422);
		assertThat(kana.body()).contains("フリガナはカタカナ", "100文字以内", "value=\"Yamada Hanako\"");

		member.get(base + "/account/addresses/new?lang=en");
		HttpResponse<String> en = member.post(base + "/account/addresses", bad);
		assertThat(en.statusCode()).isEqualTo(422);
		assertThat(en.body()).contains("Please enter the name.", "10 or 11 digits and starts with 0", "A postal code has 7 digits",
				"Please choose a prefecture from the list.", "Please enter the address");
		assertThat(member.get(base + "/account/addresses").body()).contains("No delivery addresses saved.");
	}

	@Test
	void checkoutIsFilledInForAMemberAndTheOrderKeepsTheAddressItWasPlacedWith() throws Exception {
		Variant plate = CheckoutSteps.product(catalog, shop, CatalogFixtures.publishedProduct(catalog, shop, "有田焼の小皿", 1_650, 10));
		TestBrowser guest = new TestBrowser(port);
		CheckoutSteps.addToCart(guest, base, plate, 1);
		String guestsForm = guest.get(base + "/checkout").body();
		assertThat(guestsForm).doesNotContain("name=\"addressId\"", "山田").contains("id=\"name\" name=\"name\" autocomplete=\"name\" required maxlength=\"60\" value=\"\"");

		String[] email = new String[1];
		TestBrowser member = signedInMember(email);
		member.get(base + "/account/addresses/own");
		member.post(base + "/account/addresses/own", ownDetails());
		long osaka = add(member, osakaAddress("梅田ビル5F"));
		CheckoutSteps.addToCart(member, base, plate, 2);
		String form = member.get(base + "/checkout").body();
		assertThat(form).contains("value=\"山田 花子\"", "value=\"ヤマダ ハナコ\"", "value=\"" + email[0] + "\"",
				"value=\"09012345678\"", "value=\"100-0001\"", "<option value=\"13\" selected>", "value=\"千代田区千代田1-1\"",
				"<option value=\"" + osaka + "\">佐藤 一郎 〒530-0001 大阪府大阪市北区梅田1-1-1 梅田ビル5F</option>");

		Map<String, String> typed = CheckoutSteps.guestForm(email[0]);
		typed.put("addressId", "987654321");
		HttpResponse<String> unknown = CheckoutSteps.confirm(member, base, typed);
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("選択されたお届け先が見つかりません");

		typed.put("addressId", Long.toString(osaka));
		HttpResponse<String> confirmation = CheckoutSteps.confirm(member, base, typed);
		assertThat(confirmation.statusCode()).as(confirmation.body()).isEqualTo(200);
		assertThat(confirmation.body()).contains("佐藤 一郎 〒530-0001 大阪府大阪市北区梅田1-1-1 梅田ビル5F");
		assertThat(TestBrowser.location(CheckoutSteps.place(member, base, confirmation))).contains("/checkout/complete/");

		String number = TestBrowser.find(Pattern.compile("<a href=\"[^\"]+/account/orders/(\\d{8})\">"),
				member.get(base + "/account/orders"));
		String order = member.get(base + "/account/orders/" + number).body();
		assertThat(order).contains("佐藤 一郎", "大阪市北区梅田1-1-1", "梅田ビル5F");

		member.get(base + "/account/addresses/" + osaka);
		member.post(base + "/account/addresses/" + osaka, Map.of("name", "鈴木 次郎", "phone", "0612345678", "postalCode",
				"060-0001", "prefecture", "北海道", "address", "札幌市中央区北1条西1", "building", ""));
		assertThat(member.get(base + "/account/orders/" + number).body()).as("the order sealed its own copy")
			.contains("佐藤 一郎", "梅田ビル5F").doesNotContain("鈴木", "札幌");
	}

	private TestBrowser signedInMember() throws Exception {
		return signedInMember(new String[1]);
	}

	private TestBrowser signedInMember(String[] email) throws Exception {
		email[0] = MemberFixtures.activeMember(members, environment, shop, PASSWORD);
		TestBrowser browser = new TestBrowser(port);
		browser.get(base + "/account/login");
		HttpResponse<String> signedIn = browser.post(base + "/account/login", Map.of("email", email[0], "password", PASSWORD));
		assertThat(TestBrowser.location(signedIn)).endsWith(base + "/account");
		return browser;
	}

	/** Adds from the new-address form; the new address's id, from the list. */
	private long add(TestBrowser browser, Map<String, String> address) throws Exception {
		browser.get(base + "/account/addresses/new");
		HttpResponse<String> added = browser.post(base + "/account/addresses", address);
		assertThat(TestBrowser.location(added)).as(added.body()).endsWith("/account/addresses?done=added");
		List<Long> ids = new ArrayList<>();
		var matcher = ADDRESS_ID.matcher(browser.get(base + "/account/addresses").body());
		while (matcher.find()) {
			ids.add(Long.parseLong(matcher.group(1)));
		}
		return ids.get(ids.size() - 1);
	}

	/** As a Japanese keyboard types it: full-width digits, hiragana furigana. */
	private static Map<String, String> ownDetails() {
		return Map.of("name", "山田　花子", "kana", "やまだ　はなこ", "phone", "０９０－１２３４－５６７８", "postalCode",
				"１００－０００１", "prefecture", "東京都", "address", "千代田区千代田１－１", "building", "");
	}

	private static Map<String, String> osakaAddress(String building) {
		return Map.of("name", "佐藤 一郎", "phone", "03-1234-5678", "postalCode", "530-0001", "prefecture", "大阪府", "address",
				"大阪市北区梅田1-1-1", "building", building);
	}

	/** Every sealed value of the address's row as text, as someone with a copy of the database would see it. */
	private List<String> sealedValuesOf(long addressId) throws Exception {
		List<String> values = new ArrayList<>();
		try (Connection superuser = Databases.asSuperuser(environment);
				PreparedStatement query = superuser.prepareStatement(
						"SELECT * FROM identity.member_delivery_address WHERE shop_id = ? AND id = ?")) {
			query.setLong(1, shop.id().value());
			query.setLong(2, addressId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
						byte[] value = rows.getBytes(column);
						values.add(value == null ? "" : new String(value, StandardCharsets.UTF_8));
					}
				}
			}
		}
		return values;
	}

	/** The shop's read records as {@code kind|principal|record ids|purpose}. */
	private List<String> readRecords() throws Exception {
		List<String> reads = new ArrayList<>();
		try (Connection superuser = Databases.asSuperuser(environment);
				PreparedStatement query = superuser.prepareStatement("""
						SELECT subject_kind || '|' || principal || '|' || record_ids::text || '|' || purpose
						FROM audit.personal_data_read WHERE shop_id = ?""")) {
			query.setLong(1, shop.id().value());
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					reads.add(rows.getString(1));
				}
			}
		}
		return reads;
	}

}
