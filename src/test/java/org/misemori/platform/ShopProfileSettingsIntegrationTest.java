package org.misemori.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffFixtures;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shop's profile and 特定商取引法 facts in the shop admin: behind the SETTINGS permission, each
 * bad field refused with its own message in Japanese and English and nothing stored, a good save
 * on the storefront's legal notice at once, audited (521) with the changed fields' names only,
 * and each shop's profile its own.
 */
@MisemoriIntegrationTest
class ShopProfileSettingsIntegrationTest {

	private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash";

	private static final String PAGE = "/admin/settings/shop";

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

	@BeforeEach
	void shopsWithStaff() throws SQLException {
		shop = ShopFixtures.kissaShop(administration);
		otherShop = ShopFixtures.zakkaShop(administration);
		StaffFixtures.add(environment, vault, shop, "tencho", "tencho@kissa.example.jp", false, HASH, StaffPermission.SETTINGS);
		StaffFixtures.add(environment, vault, shop, "clerk", "clerk@kissa.example.jp", false, HASH, StaffPermission.ORDERS);
	}

	@Test
	void onlyStaffWithTheSettingsPermissionGetIn() throws Exception {
		mvc.perform(get(PAGE).with(StaffFixtures.signedIn(staff, shop, "clerk"))).andExpect(status().isForbidden());
		mvc.perform(save(good()).with(StaffFixtures.signedIn(staff, shop, "clerk"))).andExpect(status().isForbidden());
		mvc.perform(get(PAGE)).andExpect(status().is3xxRedirection());
		MockHttpServletRequestBuilder withoutFormToken = post(PAGE);
		good().forEach(withoutFormToken::param);
		mvc.perform(withoutFormToken.with(StaffFixtures.signedIn(staff, shop, "tencho"))).andExpect(status().isForbidden());
		assertThat(stored(shop).sellerName()).isEqualTo("喫茶みどり株式会社");
		assertThat(audit(shop)).isEmpty();
	}

	@Test
	void theFormShowsTheCurrentFactsAndIsLinkedFromTheSettingsArea() throws Exception {
		mvc.perform(get(PAGE).with(StaffFixtures.signedIn(staff, shop, "tencho")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("特定商取引法に基づく表記"),
					containsString("value=\"喫茶みどり株式会社\""), containsString("value=\"〒100-0005 東京都千代田区丸の内1-1\""))));
		mvc.perform(get("/admin/settings").with(StaffFixtures.signedIn(staff, shop, "tencho")))
			.andExpect(content().string(containsString("href=\"/admin/settings/shop\"")));
	}

	@Test
	void eachBadFieldIsExplainedInJapaneseAndEnglishAndNothingIsStored() throws Exception {
		refused("sellerName", "", "販売業者（会社名または屋号）を入力してください", "Enter the seller");
		refused("representative", " ", "運営統括責任者の氏名を入力してください", "person responsible for operations");
		refused("address", "", "所在地を郵便番号から入力してください", "starting with the postal code");
		refused("address", "東京都千代田区丸の内1-1", "送り状のご依頼主住所に郵便番号が必要です", "delivery slips need it");
		refused("phone", "", "電話番号を入力してください", "Enter a phone number");
		refused("phone", "電話してね", "市外局番から入力してください", "with the area code");
		refused("phone", "123", "市外局番から入力してください", "with the area code");
		refused("email", "", "メールアドレスを入力してください", "Enter an email address");
		refused("email", "info@", "メールアドレスの形式が正しくありません", "This is not an email address");
		refused("email", "a".repeat(250) + "@x.jp", "メールアドレスは254文字以内", "at most 254 characters");
		refused("tagline", "あ".repeat(101), "キャッチコピーは100文字以内", "The tagline can be at most 100");
		refused("returnsPolicy", "返".repeat(2001), "返品・交換については2000文字以内", "Returns and exchanges can be at most 2000");
		refused("sellerName", "店".repeat(101), "販売業者は100文字以内", "The seller can be at most 100");

		assertThat(stored(shop).sellerName()).isEqualTo("喫茶みどり株式会社");
		assertThat(audit(shop)).isEmpty();
	}

	@Test
	void aGoodSaveIsOnTheLegalNoticeAtOnceAuditedByFieldNameAndTheOtherShopKeepsItsOwn() throws Exception {
		Map<String, String> form = good();
		mvc.perform(save(form).with(StaffFixtures.signedIn(staff, shop, "tencho"))).andExpect(redirectedUrl(PAGE + "?saved"));

		ShopProfile saved = stored(shop);
		assertThat(saved.sellerName()).isEqualTo("合同会社みどり珈琲");
		assertThat(saved.phone()).as("full-width digits stored half-width").isEqualTo("03-1234-5678");
		assertThat(saved.address()).isEqualTo("〒150-0001 東京都渋谷区神宮前1-2-3");
		assertThat(audit(shop)).containsExactly(
				"fields=tagline,sellerName,representative,address,phone,email,businessHours,returnsPolicy");
		assertThat(String.join(" ", audit(shop))).doesNotContain("緑川", "03-1234-5678");

		mvc.perform(get("/s/" + shop.code().value() + "/policies/legal-notice"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<dd>合同会社みどり珈琲</dd>"), containsString("<dd>緑川 珈子</dd>"),
					containsString("〒150-0001 東京都渋谷区神宮前1-2-3"), containsString("03-1234-5678"),
					containsString("coffee@midori.example.jp"), containsString("到着後7日以内"),
					not(containsString("喫茶みどり株式会社")))));
		mvc.perform(get("/s/" + otherShop.code().value() + "/policies/legal-notice"))
			.andExpect(content().string(allOf(containsString("<dd>雑貨のはな株式会社</dd>"), not(containsString("みどり珈琲")))));
		assertThat(stored(otherShop).sellerName()).isEqualTo("雑貨のはな株式会社");
		assertThat(audit(otherShop)).isEmpty();

		// The same again records nothing; one field changed names just that one.
		mvc.perform(save(form).with(StaffFixtures.signedIn(staff, shop, "tencho")));
		form.put("businessHours", "平日 9:00〜17:00");
		mvc.perform(save(form).with(StaffFixtures.signedIn(staff, shop, "tencho")));
		assertThat(audit(shop)).hasSize(2).last().isEqualTo("fields=businessHours");
	}

	private void refused(String field, String value, String japanese, String english) throws Exception {
		Map<String, String> form = good();
		form.put(field, value);
		mvc.perform(save(form).with(StaffFixtures.signedIn(staff, shop, "tencho")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString(japanese), containsString("id=\"" + field + "-error\""))));
		mvc.perform(save(form).header("Accept-Language", "en").with(StaffFixtures.signedIn(staff, shop, "tencho")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(english)));
	}

	private static MockHttpServletRequestBuilder save(Map<String, String> form) {
		MockHttpServletRequestBuilder request = post(PAGE).with(csrf());
		form.forEach(request::param);
		return request;
	}

	private static Map<String, String> good() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("tagline", "自家焙煎の珈琲");
		form.put("description", "");
		form.put("sellerName", "合同会社みどり珈琲");
		form.put("representative", "緑川 珈子");
		form.put("address", "〒150-0001 東京都渋谷区神宮前1-2-3");
		form.put("phone", "０３－１２３４－５６７８");
		form.put("email", "coffee@midori.example.jp");
		form.put("businessHours", "平日 10:00〜18:00");
		form.put("priceNote", "");
		form.put("extraFees", "");
		form.put("paymentMethods", "");
		form.put("deliveryTime", "");
		form.put("returnsPolicy", "商品到着後7日以内にご連絡ください。");
		return form;
	}

	private ShopProfile stored(Shop of) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection.prepareStatement("""
						SELECT tagline, description, seller_name, representative, address, phone, email, business_hours,
						       price_note, extra_fees, payment_methods, delivery_time, returns_policy
						FROM platform.shop_profile WHERE shop_id = ?""")) {
			select.setLong(1, of.id().value());
			try (ResultSet rows = select.executeQuery()) {
				rows.next();
				Map<String, String> fields = new LinkedHashMap<>();
				for (int i = 0; i < ShopProfile.FIELDS.size(); i++) {
					fields.put(ShopProfile.FIELDS.get(i), rows.getString(i + 1));
				}
				return ShopProfile.of(fields);
			}
		}
	}

	private List<String> audit(Shop of) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection.prepareStatement(
						"SELECT detail FROM audit.audit_event WHERE type_code = 521 AND actor = ? AND shop_id = ? ORDER BY id")) {
			select.setString(1, of.code().value() + "/tencho");
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
