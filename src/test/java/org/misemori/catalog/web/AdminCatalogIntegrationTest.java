package org.misemori.catalog.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.Product;
import org.misemori.catalog.ProductId;
import org.misemori.catalog.Variant;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffFixtures;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 商品管理 in the shop admin: only with the PRODUCTS permission, only the shop's own products, every change audited. */
@MisemoriIntegrationTest
class AdminCatalogIntegrationTest {

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

	@Autowired
	Catalog catalog;

	Shop shop;

	Shop otherShop;

	@BeforeEach
	void shopAndStaff() throws SQLException {
		shop = ShopFixtures.zakkaShop(administration);
		otherShop = ShopFixtures.kissaShop(administration);
		StaffFixtures.add(environment, vault, shop, "buyer", "buyer@zakka.example.jp", false, HASH, StaffPermission.PRODUCTS);
		StaffFixtures.add(environment, vault, shop, "clerk", "clerk@zakka.example.jp", false, HASH, StaffPermission.ORDERS);
	}

	@Test
	void staffWithoutTheProductsPermissionCannotOpenOrChangeTheCatalog() throws Exception {
		Variant variant = CatalogFixtures.publishedProduct(catalog, shop, "輪花皿", 1650, 3);
		mvc.perform(get("/admin/products").with(StaffFixtures.signedIn(staff, shop, "clerk"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/products/" + variant.productId().value()).with(StaffFixtures.signedIn(staff, shop, "clerk")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/products/" + variant.productId().value() + "/status").param("publish", "false")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "clerk"))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/products").param("title", "x").param("handle", "x").param("taxClass", "STANDARD")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "clerk"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/products")).andExpect(status().is3xxRedirection());
		assertThat(product(variant.productId()).published()).isTrue();
	}

	@Test
	void anOwnerCreatesAProductWithVariantsPublishesItAndEveryChangeIsAudited() throws Exception {
		String location = mvc
			.perform(post("/admin/products").param("title", "波佐見焼 マグカップ")
				.param("handle", "hasami-mug")
				.param("description", "毎日使えるマグ。")
				.param("taxClass", "STANDARD")
				.with(csrf())
				.with(StaffFixtures.signedIn(staff, shop, "buyer")))
			.andExpect(redirectedUrlPattern("/admin/products/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		ProductId id = new ProductId(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));

		mvc.perform(post(location + "/variants").param("sku", "MUG-AI")
			.param("label1", "色")
			.param("value1", "藍")
			.param("price", "2,200")
			.param("onHand", "12")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "buyer"))).andExpect(redirectedUrl(location));
		mvc.perform(post(location + "/status").param("publish", "true").with(csrf()).with(StaffFixtures.signedIn(staff, shop, "buyer")))
			.andExpect(redirectedUrl(location));

		mvc.perform(get(location).with(StaffFixtures.signedIn(staff, shop, "buyer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("波佐見焼 マグカップ")))
			.andExpect(content().string(containsString("value=\"MUG-AI\"")))
			.andExpect(content().string(containsString("value=\"2200\"")))
			.andExpect(content().string(containsString("公開中")));
		mvc.perform(get("/admin/products").with(StaffFixtures.signedIn(staff, shop, "buyer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("波佐見焼 マグカップ")))
			.andExpect(content().string(containsString("2,200〜")));
		Product stored = product(id);
		assertThat(stored.published()).isTrue();
		assertThat(stored.variants()).singleElement().satisfies(v -> assertThat(v.onHand()).isEqualTo(12));
		assertThat(audited("buyer")).containsExactly("PRODUCT_CREATED:500", "VARIANT_ADDED:504", "PRODUCT_PUBLISHED:502");
	}

	@Test
	void badInputComesBackWithASpecificMessageInTheStaffMembersLanguage() throws Exception {
		Variant variant = CatalogFixtures.publishedProduct(catalog, shop, "鉄瓶", 13200, 3);
		String page = "/admin/products/" + variant.productId().value();
		mvc.perform(post(page + "/variants/" + variant.id().value()).param("sku", variant.sku())
			.param("price", "0")
			.param("onHand", "3")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "buyer")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("価格は1円以上にしてください。")));
		mvc.perform(post(page + "/variants/" + variant.id().value()).param("sku", variant.sku())
			.param("price", "13200")
			.param("onHand", "-1")
			.header("Accept-Language", "en")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "buyer")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The stock must be 0 or more.")));
		mvc.perform(post(page).param("title", "鉄瓶").param("handle", "Tetsubin!").param("taxClass", "STANDARD")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "buyer")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("半角の英小文字・数字・ハイフン")));
		mvc.perform(post("/admin/products/categories").param("title", "").param("handle", "kitchen")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "buyer")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("名前を入力してください。")));
		assertThat(product(variant.productId()).variants().get(0).priceYen()).isEqualTo(13200);
	}

	@Test
	void anotherShopsProductIsNotFoundAndNotListed() throws Exception {
		Variant theirs = CatalogFixtures.publishedProduct(catalog, otherShop, "よその店の急須", 5500, 2);
		mvc.perform(get("/admin/products/" + theirs.productId().value()).with(StaffFixtures.signedIn(staff, shop, "buyer")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/products/" + theirs.productId().value() + "/status").param("publish", "false")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "buyer"))).andExpect(status().isNotFound());
		mvc.perform(get("/admin/products").with(StaffFixtures.signedIn(staff, shop, "buyer")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("よその店の急須"))));
		assertThat(TenantContext.callAs(otherShop.id(), () -> catalog.find(theirs.productId())).orElseThrow().published())
			.isTrue();
	}

	private Product product(ProductId id) {
		return TenantContext.callAs(shop.id(), () -> catalog.find(id)).orElseThrow();
	}

	private List<String> audited(String loginId) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment); PreparedStatement select = connection
			.prepareStatement("SELECT type || ':' || type_code FROM audit.audit_event WHERE actor = ? AND shop_id = ? ORDER BY id")) {
			select.setString(1, shop.code().value() + "/" + loginId);
			select.setLong(2, shop.id().value());
			List<String> entries = new ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					entries.add(rows.getString(1));
				}
			}
			return entries;
		}
	}

}
