package org.misemori.storefront;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffFixtures;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

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
 * 特定商取引法に基づく表記 and the privacy policy through the shop's theme, in Japanese and
 * English; the owner's own policy text (SETTINGS permission, audited 512) shown as text, never
 * as markup.
 */
@MisemoriIntegrationTest
class PolicyPagesIntegrationTest {

	private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash";

	@Autowired
	MockMvc mvc;

	@Autowired
	ShopAdministration administration;

	@Autowired
	StaffAccounts staff;

	@Autowired
	ShopVault vault;

	@Autowired
	Environment environment;

	Shop shop;

	@BeforeEach
	void shopWithStaff() throws SQLException {
		shop = ShopFixtures.kissaShop(administration);
		StaffFixtures.add(environment, vault, shop, "owner", "owner@kissa.example.jp", false, HASH, StaffPermission.SETTINGS);
		StaffFixtures.add(environment, vault, shop, "clerk", "clerk@kissa.example.jp", false, HASH, StaffPermission.ORDERS);
	}

	@Test
	void theLegalNoticeIsRenderedByTheThemeInJapaneseAndEnglish() throws Exception {
		String base = "/s/" + shop.code();
		mvc.perform(get(base + "/policies/legal-notice"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("class=\"policy legal-notice\""),
					containsString("<dt>販売業者</dt><dd>喫茶みどり株式会社</dd>"), containsString("template-legal-notice"),
					containsString("href=\"" + base + "/policies/privacy\""))));
		mvc.perform(get(base + "/policies/legal-notice").header("Accept-Language", "en"))
			.andExpect(content().string(allOf(containsString("<dt>Seller</dt>"), containsString("lang=\"en\""))));
	}

	@Test
	void withoutItsOwnTextAShopShowsTheDefaultPolicyNamingIt() throws Exception {
		String page = "/s/" + shop.code() + "/policies/privacy";
		mvc.perform(get(page))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>プライバシーポリシー</h1>"),
					containsString(shop.name() + "（喫茶みどり株式会社）"), containsString("配送業者"),
					containsString("決済代行会社"), containsString("暗号化"), containsString("お問い合わせ窓口"))));
		mvc.perform(get(page).header("Accept-Language", "en"))
			.andExpect(content().string(allOf(containsString("<h1>Privacy policy</h1>"),
					containsString("delivery companies"), containsString("payment providers"), containsString("Contact:"))));
	}

	@Test
	void theOwnersTextIsShownAsTextAndEveryChangeIsAudited() throws Exception {
		mvc.perform(get("/admin/settings/privacy").with(StaffFixtures.signedIn(staff, shop, "clerk")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/settings/privacy").param("text", "x")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "clerk"))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/settings/privacy").param("text", "x").with(StaffFixtures.signedIn(staff, shop, "owner")))
			.andExpect(status().isForbidden());

		String text = "当店の個人情報の取扱い<script>alert(1)</script>\r\n\r\n第二段落 <img src=x onerror=alert(2)>";
		mvc.perform(post("/admin/settings/privacy").param("text", text)
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "owner"))).andExpect(redirectedUrl("/admin/settings/privacy?saved"));
		mvc.perform(get("/s/" + shop.code() + "/policies/privacy"))
			.andExpect(content().string(allOf(containsString("<p>当店の個人情報の取扱い&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
					containsString("<p>第二段落 &lt;img src=x onerror=alert(2)&gt;</p>"), not(containsString("<script>alert")),
					not(containsString("<img src=x")), not(containsString("配送業者")), containsString("最終更新日"))));
		mvc.perform(get("/admin/settings/privacy").with(StaffFixtures.signedIn(staff, shop, "owner")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));

		// The same text again records nothing; too long is refused with its reason.
		mvc.perform(post("/admin/settings/privacy").param("text", text)
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "owner")));
		mvc.perform(post("/admin/settings/privacy").param("text", "あ".repeat(20_001))
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "owner")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("20000 文字以内")));
		assertThat(auditRows()).isEqualTo(1);
	}

	private int auditRows() throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection.prepareStatement(
						"SELECT count(*) FROM audit.audit_event WHERE type_code = 512 AND shop_id = ? AND actor = ?")) {
			select.setLong(1, shop.id().value());
			select.setString(2, shop.code().value() + "/owner");
			try (ResultSet rows = select.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

}
