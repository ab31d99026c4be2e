package org.misemori.loyalty;

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
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.misemori.TestBrowser.location;

/**
 * 設定 → ポイント and クーポン over real HTTP with real staff sign-ins (password and
 * authenticator code): only with the SETTINGS permission, bad input explained in ja and en,
 * every change audited (540, 541, 543).
 */
@MisemoriIntegrationTest
class LoyaltyAdminIntegrationTest {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Environment environment;

	@Autowired
	ShopVault vault;

	@Autowired
	Points points;

	@Autowired
	Coupons coupons;

	Shop shop;

	@BeforeEach
	void shopWithStaff() throws SQLException {
		shop = ShopFixtures.kissaShop(administration);
		String hash = passwords.encode(OperatorFixtures.PASSPHRASE);
		StaffFixtures.add(environment, vault, shop, "keiri", "keiri@kissa.example.jp", false, hash, StaffPermission.SETTINGS);
		StaffFixtures.add(environment, vault, shop, "clerk", "clerk@kissa.example.jp", false, hash, StaffPermission.ORDERS);
	}

	@Test
	void staffWithoutTheSettingsPermissionCannotOpenOrChangeEither() throws Exception {
		TestBrowser clerk = signedIn("clerk");
		assertThat(clerk.get("/admin/orders").statusCode()).isEqualTo(200); // a page with the form token
		assertThat(clerk.get("/admin/coupons").statusCode()).isEqualTo(403);
		assertThat(clerk.get("/admin/settings/points").statusCode()).isEqualTo(403);
		assertThat(clerk.post("/admin/coupons", couponForm("HACK", "PERCENT", "100", "0", "")).statusCode()).isEqualTo(403);
		assertThat(clerk.post("/admin/settings/points",
				Map.of("enabled", "true", "earnPercent", "100", "expiryMonths", "120", "minimumRedeem", "0"))
			.statusCode()).isEqualTo(403);
		assertThat(location(new TestBrowser(port).get("/admin/coupons"))).endsWith("/admin/login");
		assertThat(TenantContext.callAs(shop.id(), () -> coupons.list())).isEmpty();
		assertThat(TenantContext.callAs(shop.id(), () -> points.settings())).isEqualTo(PointsSettings.DEFAULTS);
	}

	@Test
	void theOwnerSetsPointsBadInputIsExplainedInJapaneseAndEnglishAndTheChangeIsAudited() throws Exception {
		TestBrowser keiri = signedIn("keiri");
		HttpResponse<String> page = keiri.get("/admin/settings/points");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("ポイント").contains("name=\"earnPercent\"");

		HttpResponse<String> refused = keiri.post("/admin/settings/points",
				Map.of("enabled", "true", "earnPercent", "101", "expiryMonths", "12", "minimumRedeem", "0"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("ポイント還元率は 0〜100 % の整数で入力してください。").contains("value=\"101\"");
		assertThat(keiri.post("/admin/settings/points",
				Map.of("enabled", "true", "earnPercent", "1", "expiryMonths", "十二", "minimumRedeem", "0"))
			.body()).contains("数字（半角または全角）で入力してください。");

		HttpResponse<String> saved = keiri.post("/admin/settings/points",
				Map.of("enabled", "true", "earnPercent", "５", "expiryMonths", "24", "minimumRedeem", "1,000"));
		assertThat(location(saved)).endsWith("/admin/settings/points?saved");
		assertThat(TenantContext.callAs(shop.id(), () -> points.settings())).isEqualTo(new PointsSettings(true, 5, 24, 1000));
		assertThat(keiri.get("/admin/settings/points").body()).contains("value=\"24\"").contains("checked");

		keiri.get("/admin/settings/points?lang=en");
		assertThat(keiri.post("/admin/settings/points",
				Map.of("enabled", "true", "earnPercent", "5", "expiryMonths", "121", "minimumRedeem", "0"))
			.body()).contains("Enter an expiry from 1 to 120 months, in whole numbers.");
		assertThat(TenantContext.callAs(shop.id(), () -> points.settings()).expiryMonths()).isEqualTo(24);
		assertThat(audit(540)).containsExactly("before=off/1%/12months/min0 after=on/5%/24months/min1000");
	}

	@Test
	void theOwnerCreatesAndStopsCouponsWithClearRefusalsAndEachStepIsAudited() throws Exception {
		TestBrowser keiri = signedIn("keiri");
		assertThat(keiri.get("/admin/coupons").body()).contains("まだクーポンはありません。");

		HttpResponse<String> created = keiri.post("/admin/coupons", couponForm("ｓｐｒｉｎｇ-500", "FIXED_YEN", "500", "3,000", "5"));
		assertThat(location(created)).endsWith("/admin/coupons?created=SPRING-500");
		HttpResponse<String> list = keiri.get("/admin/coupons?created=SPRING-500");
		assertThat(list.body()).contains("クーポン SPRING-500 を作成しました。")
			.contains("500 円引き")
			.contains("3,000")
			.contains("2026-12-01 – 2026-12-31")
			.contains("0 / 5");
		Coupon stored = TenantContext.callAs(shop.id(), () -> coupons.find("spring-500")).orElseThrow();
		assertThat(stored.startsAt()).isEqualTo(java.time.Instant.parse("2026-11-30T15:00:00Z"));
		assertThat(stored.endsAt()).as("0:00 JST after the last day").isEqualTo(java.time.Instant.parse("2026-12-31T15:00:00Z"));

		assertThat(keiri.post("/admin/coupons", couponForm("SPRING-500", "PERCENT", "10", "0", "")).body())
			.contains("クーポンコード SPRING-500 はすでにあります。");
		assertThat(keiri.post("/admin/coupons", couponForm("CHEAP", "FIXED_YEN", "500", "100", "")).body())
			.contains("円引きクーポンの最低購入金額は割引額（500 円）以上にしてください");
		HttpResponse<String> badCode = keiri.post("/admin/coupons", couponForm("<b>x</b>", "PERCENT", "10", "0", ""));
		assertThat(badCode.body()).contains("クーポンコードは英数字・ハイフン・アンダースコアの 3〜32 文字です。")
			.contains("value=\"&lt;b&gt;x&lt;/b&gt;\"")
			.doesNotContain("<b>x</b>");
		keiri.get("/admin/coupons?lang=en");
		assertThat(keiri.post("/admin/coupons", couponForm("HALF", "PERCENT", "150", "0", "")).body())
			.contains("Enter a discount from 1 to 100 percent, in whole numbers.");

		keiri.get("/admin/coupons");
		HttpResponse<String> stopped = keiri.post("/admin/coupons/SPRING-500/deactivate", Map.of());
		assertThat(location(stopped)).endsWith("/admin/coupons?deactivated=SPRING-500");
		assertThat(keiri.get("/admin/coupons").body()).contains("stopped");
		assertThat(TenantContext.callAs(shop.id(), () -> coupons.find("SPRING-500")).orElseThrow().active()).isFalse();

		assertThat(audit(541)).singleElement().asString().startsWith("SPRING-500/FIXED_YEN/500/min3000/");
		assertThat(audit(543)).containsExactly("code=SPRING-500");
		assertThat(TenantContext.callAs(shop.id(), () -> coupons.list())).hasSize(1);
	}

	private static Map<String, String> couponForm(String code, String kind, String value, String minimum, String limit) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("kind", kind);
		form.put("value", value);
		form.put("minimum", minimum);
		form.put("startsOn", "2026-12-01");
		form.put("endsOn", "2026-12-31");
		form.put("usageLimit", limit);
		return form;
	}

	/** Signed in over HTTP with the password, then an authenticator set up and its first code given. */
	private TestBrowser signedIn(String loginId) throws Exception {
		TestBrowser browser = new TestBrowser(port);
		browser.get("/admin/login");
		HttpResponse<String> in = browser.post("/admin/login",
				Map.of("shopCode", shop.code().value(), "loginId", loginId, "password", OperatorFixtures.PASSPHRASE));
		assertThat(location(in)).contains("/admin").doesNotContain("/admin/login");
		String secret = TestBrowser.find(SECRET, browser.get("/admin/2fa/enrol"));
		HttpResponse<String> enrolled = browser.post("/admin/2fa/enrol", Map.of("code", TotpFixtures.currentCode(secret)));
		assertThat(enrolled.statusCode()).isIn(200, 302);
		return browser;
	}

	private List<String> audit(int code) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection.prepareStatement(
						"SELECT detail FROM audit.audit_event WHERE type_code = ? AND actor = ? AND shop_id = ? ORDER BY id")) {
			select.setInt(1, code);
			select.setString(2, shop.code().value() + "/keiri");
			select.setLong(3, shop.id().value());
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
