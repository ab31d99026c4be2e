package org.misemori.shipping;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.staff.StaffFixtures;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.identity.twofactor.TotpFixtures;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.platform.domain.ShopPurge;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.misemori.TestBrowser.location;

/**
 * The shop admin's shipping settings over real HTTP: behind the SETTINGS permission, every field
 * validated with a message naming it (ja and en), each change audited (530), each shop's
 * settings its own and used by {@link ShippingRates}, and gone with a purged shop.
 */
@MisemoriIntegrationTest
class ShippingSettingsIntegrationTest {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");

	private static final String PAGE = "/admin/settings/shipping";

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	ShopPurge purge;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Environment environment;

	@Autowired
	ShopVault vault;

	@Autowired
	ShippingRates rates;

	Shop shop;

	Shop otherShop;

	@BeforeEach
	void shopsWithStaff() throws SQLException {
		shop = ShopFixtures.kissaShop(administration);
		otherShop = ShopFixtures.zakkaShop(administration);
		String hash = passwords.encode(OperatorFixtures.PASSPHRASE);
		StaffFixtures.add(environment, vault, shop, "keiri", "keiri@kissa.example.jp", false, hash, StaffPermission.SETTINGS);
		StaffFixtures.add(environment, vault, shop, "clerk", "clerk@kissa.example.jp", false, hash, StaffPermission.ORDERS);
	}

	@Test
	void onlyStaffWithTheSettingsPermissionGetIn() throws Exception {
		TestBrowser clerk = signedIn(shop, "clerk");
		assertThat(clerk.get(PAGE).statusCode()).isEqualTo(403);
		assertThat(location(new TestBrowser(port).get(PAGE))).endsWith("/admin/login");
		assertThat(storedDefaultFee(shop)).isEmpty();
	}

	@Test
	void aNewShopShowsTheDefaultsAndAValidChangeIsSavedAuditedAndUsed() throws Exception {
		TestBrowser keiri = signedIn(shop, "keiri");
		HttpResponse<String> page = keiri.get(PAGE);
		assertThat(page.statusCode()).isEqualTo(200);
		String oneLine = page.body().replaceAll("\\s+", " ");
		assertThat(oneLine).contains("送料・配送", "id=\"defaultFee\" name=\"defaultFee\" maxlength=\"20\" value=\"800\"",
				"name=\"fee_01\" value=\"1500\"", "name=\"fee_47\" value=\"1500\"",
				"value=\"1921\" checked", "九州・沖縄");

		Map<String, String> changes = new LinkedHashMap<>();
		changes.put("defaultFee", "９００");
		changes.put("fee_13", "");
		changes.put("fee_47", "2,000");
		changes.put("freeFrom", "");
		changes.put("codUpTo_4", "");
		changes.put("codFee_4", "");
		HttpResponse<String> saved = keiri.post(PAGE, form(changes, List.of("0812", "1820")));
		assertThat(location(saved)).endsWith(PAGE + "?saved");

		assertThat(storedDefaultFee(shop)).containsExactly(900L);
		assertThat(audit(shop)).singleElement()
			.asString()
			.startsWith("before=fee=800 ")
			.contains("after=fee=900 ", "47:2000", "freeFrom=never", "slots=[0812,1820]");
		TenantContext.runAs(shop.id(), () -> {
			assertThat(rates.quote(Prefecture.TOKYO, 50_000, false)).isEqualTo(new ShippingQuote(900, 0, false));
			assertThat(rates.quote(Prefecture.OKINAWA, 100, true).total()).isEqualTo(2_330);
			assertThat(rates.deliveryChoices(java.time.LocalDate.of(2026, 1, 1)).slots())
				.containsExactly(DeliverySlot.MORNING, DeliverySlot.H18_20);
		});
		TenantContext.runAs(otherShop.id(), () -> assertThat(rates.settings()).isEqualTo(ShippingSettings.DEFAULTS));

		// Saving the same again records nothing.
		keiri.get(PAGE);
		keiri.post(PAGE, form(changes, List.of("0812", "1820")));
		assertThat(audit(shop)).hasSize(1);
	}

	@Test
	void wrongInputIsExplainedNamingTheFieldInJapaneseAndEnglishAndNothingIsSaved() throws Exception {
		TestBrowser keiri = signedIn(shop, "keiri");
		keiri.get(PAGE);
		assertThat(refusal(keiri, Map.of("fee_01", "-100"))).contains("「北海道の送料」にマイナスの値は使えません", "value=\"-100\"");
		assertThat(refusal(keiri, Map.of("defaultFee", "八百"))).contains("「基本送料」は半角または全角の数字で入力してください");
		assertThat(refusal(keiri, Map.of("codUpTo_1", "5000"))).contains("上限は小さい順に", "10,000円の次が5,000円");
		assertThat(refusal(keiri, Map.of("codFee_2", ""))).contains("代引き手数料の3行目は、上限と手数料の両方を入力してください");
		assertThat(refusal(keiri, Map.of("earliest", "10", "latest", "3"))).contains("最短のお届け日（10日後）が最長のお届け日（3日後）より後");
		assertThat(keiri.post(PAGE, form(Map.of(), List.of())).body()).contains("配達時間帯を1つ以上選んでください");

		keiri.get(PAGE + "?lang=en");
		assertThat(refusal(keiri, Map.of("fee_47", "-1"))).contains("&quot;Fee for Okinawa&quot; cannot be negative");
		assertThat(refusal(keiri, Map.of("cool", "abc"))).contains("&quot;Cool parcel surcharge&quot; must be a whole number");
		assertThat(keiri.post(PAGE, form(Map.of(), List.of())).body()).contains("Choose at least one time slot.");

		assertThat(storedDefaultFee(shop)).isEmpty();
		assertThat(audit(shop)).isEmpty();
	}

	@Test
	void aPurgedShopsSettingsAreErased() throws Exception {
		TestBrowser keiri = signedIn(shop, "keiri");
		keiri.get(PAGE);
		keiri.post(PAGE, form(Map.of("defaultFee", "700"), List.of("0812")));
		assertThat(storedDefaultFee(shop)).containsExactly(700L);

		administration.closeShop(shop.code().value(), 0);
		purge.purgeDue();

		assertThat(storedDefaultFee(shop)).isEmpty();
	}

	/** Posts the default settings with {@code changes}, and expects the page back with an error. */
	private String refusal(TestBrowser browser, Map<String, String> changes) throws Exception {
		HttpResponse<String> page = browser.post(PAGE, form(changes, List.of("0812", "1416")));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"shipping-error\"");
		return page.body();
	}

	/** The whole form as the page sends it: every field of the defaults, then {@code changes}. */
	private static List<Map.Entry<String, String>> form(Map<String, String> changes, List<String> slots) {
		Map<String, String> fields = new LinkedHashMap<>();
		ShippingSettings defaults = ShippingSettings.DEFAULTS;
		fields.put("defaultFee", Long.toString(defaults.defaultFeeYen()));
		for (Prefecture prefecture : Prefecture.values()) {
			fields.put("fee_" + prefecture.jisCode(),
					defaults.feeByPrefecture().containsKey(prefecture) ? defaults.feeFor(prefecture) + "" : "");
		}
		fields.put("freeFrom", "10000");
		fields.put("cool", "330");
		for (int i = 0; i < 6; i++) {
			fields.put("codUpTo_" + i, i < defaults.codFees().size() ? defaults.codFees().get(i).upToYen() + "" : "");
			fields.put("codFee_" + i, i < defaults.codFees().size() ? defaults.codFees().get(i).feeYen() + "" : "");
		}
		fields.put("earliest", "2");
		fields.put("latest", "14");
		fields.putAll(changes);
		List<Map.Entry<String, String>> form = new ArrayList<>(fields.entrySet());
		slots.forEach(slot -> form.add(Map.entry("slots", slot)));
		return form;
	}

	private TestBrowser signedIn(Shop of, String loginId) throws Exception {
		TestBrowser browser = new TestBrowser(port);
		browser.get("/admin/login");
		HttpResponse<String> in = browser.post("/admin/login",
				Map.of("shopCode", of.code().value(), "loginId", loginId, "password", OperatorFixtures.PASSPHRASE));
		assertThat(location(in)).contains("/admin").doesNotContain("/admin/login");
		String secret = TestBrowser.find(SECRET, browser.get("/admin/2fa/enrol"));
		browser.post("/admin/2fa/enrol", Map.of("code", TotpFixtures.currentCode(secret)));
		return browser;
	}

	private List<Long> storedDefaultFee(Shop of) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection
					.prepareStatement("SELECT default_fee_yen FROM shipping.shop_shipping_settings WHERE shop_id = ?")) {
			select.setLong(1, of.id().value());
			List<Long> fees = new ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					fees.add(rows.getLong(1));
				}
			}
			return fees;
		}
	}

	private List<String> audit(Shop of) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection.prepareStatement(
						"SELECT detail FROM audit.audit_event WHERE type_code = 530 AND actor = ? AND shop_id = ? ORDER BY id")) {
			select.setString(1, of.code().value() + "/keiri");
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
