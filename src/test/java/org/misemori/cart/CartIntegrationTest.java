package org.misemori.cart;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.TestClock;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.Product;
import org.misemori.catalog.Variant;
import org.misemori.catalog.VariantDetails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A shopper's cart over real HTTP: the theme's forms, the cookie, the catalog's current prices. */
@MisemoriIntegrationTest
class CartIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	ShopDirectory shops;

	@Autowired
	ShopAdministration administration;

	@Autowired
	Environment environment;

	@Autowired
	Carts carts;

	@Autowired
	TestClock clock;

	@Test
	void aGuestAddsTwoVariantsFromProductPagesChangesAQuantityAndRemovesALine() throws Exception {
		TestBrowser browser = new TestBrowser(port);
		String kettle = addFromProductPage(browser, "/s/demo/products/nanbu-tetsubin", "1.2L", "2");
		String tea = addFromProductPage(browser, "/s/demo/products/uji-sencha", "100g", "3");

		HttpResponse<String> cart = browser.get("/s/demo/cart");
		assertThat(cart.statusCode()).isEqualTo(200);
		// 1.2L is ¥13,200 + ¥3,300; 100g is ¥1,080: 2 × 16,500 + 3 × 1,080 = 36,240.
		assertThat(cart.body()).contains("南部鉄器 鉄瓶 あられ", "1.2L", "宇治煎茶 露", "100g", "¥16,500", "¥33,000", "¥3,240",
				"<span class=\"cart-subtotal\">¥36,240</span>", "/s/demo/products/uji-sencha")
			.doesNotContain("<script");

		HttpResponse<String> changed = browser.post("/s/demo/cart/update",
				List.of(Map.entry("line", kettle), Map.entry("quantity", "1"), Map.entry("line", tea),
						Map.entry("quantity", "3")));
		assertThat(changed.statusCode()).isEqualTo(303);
		assertThat(browser.get("/s/demo/cart").body()).contains("<span class=\"cart-subtotal\">¥19,740</span>");

		assertThat(browser.post("/s/demo/cart/remove", Map.of("remove", kettle)).statusCode()).isEqualTo(303);
		assertThat(browser.get("/s/demo/cart").body()).contains("<span class=\"cart-subtotal\">¥3,240</span>", "宇治煎茶 露")
			.doesNotContain("南部鉄器 鉄瓶 あられ");

		// Adding a variant already in the cart adds to its quantity, and never past 99.
		addFromProductPage(browser, "/s/demo/products/uji-sencha", "100g", "99");
		assertThat(browser.get("/s/demo/cart").body()).contains("value=\"99\"", "¥106,920");
	}

	@Test
	void badQuantitiesAndUnknownVariantsAreRefusedWithAReasonInBothLanguagesAndChangeNothing() throws Exception {
		TestBrowser browser = new TestBrowser(port);
		String tea = addFromProductPage(browser, "/s/demo/products/uji-sencha", "200g", "1");
		Map<String, String> japanese = Map.of("0", "数量は 1 以上にしてください", "-1", "数量は 1 以上にしてください", "1000",
				"1 商品につき 99 個まで", "abc", "1 から 99 までの数字", "", "1 から 99 までの数字");
		for (Map.Entry<String, String> bad : japanese.entrySet()) {
			browser.get("/s/demo/products/uji-sencha");
			HttpResponse<String> refused = browser.post("/s/demo/cart/add", Map.of("variant", tea, "quantity", bad.getKey()));
			assertThat(refused.statusCode()).as("quantity %s", bad.getKey()).isEqualTo(422);
			assertThat(refused.body()).contains(bad.getValue(), "<span class=\"cart-subtotal\">¥2,080</span>");
		}
		HttpResponse<String> unknown = browser.post("/s/demo/cart/add", Map.of("variant", "987654321", "quantity", "1"));
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("その商品は見つからないか、現在販売していません");
		HttpResponse<String> badLine = browser.post("/s/demo/cart/update",
				List.of(Map.entry("line", tea), Map.entry("quantity", "0")));
		assertThat(badLine.statusCode()).isEqualTo(422);

		browser.get("/s/demo/products/uji-sencha?lang=en");
		Map<String, String> english = Map.of("0", "must be at least 1", "1000", "at most 99 of one item", "abc",
				"a number from 1 to 99");
		for (Map.Entry<String, String> bad : english.entrySet()) {
			HttpResponse<String> refused = browser.post("/s/demo/cart/add", Map.of("variant", tea, "quantity", bad.getKey()));
			assertThat(refused.statusCode()).isEqualTo(422);
			assertThat(refused.body()).contains(bad.getValue());
		}
		assertThat(browser.post("/s/demo/cart/add", Map.of("variant", "abc", "quantity", "1")).body())
			.contains("not found or is not for sale");
		assertThat(browser.get("/s/demo/cart").body()).contains("value=\"1\"",
				"<span class=\"cart-subtotal\">¥2,080</span>");
	}

	@Test
	void anotherShopsVariantIsUnknownInThisShopsCart() throws Exception {
		Shop kissa = ShopFixtures.kissaShop(administration);
		Variant theirs = CatalogFixtures.publishedProduct(catalog, kissa, "喫茶のブレンド", 1500, 10);
		TestBrowser browser = new TestBrowser(port);
		browser.get("/s/demo/products/uji-sencha");
		HttpResponse<String> refused = browser.post("/s/demo/cart/add",
				Map.of("variant", Long.toString(theirs.id().value()), "quantity", "1"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("その商品は見つからないか").doesNotContain("喫茶のブレンド");
		assertThat(rowsOf("SELECT count(*) FROM cart.cart_line WHERE variant_id = ?", theirs.id().value())).isZero();
	}

	@Test
	void theCookieHoldsATokenOfWhichOnlyTheHashIsStored() throws Exception {
		TestBrowser browser = new TestBrowser(port);
		browser.get("/s/demo/products/uji-sencha");
		String variant = variantOf(browser.get("/s/demo/products/uji-sencha"), "100g");
		HttpResponse<String> added = browser.post("/s/demo/cart/add", Map.of("variant", variant, "quantity", "1"));
		Shop demo = shops.findByCode("demo").orElseThrow();
		String cookieName = "misemori_cart_" + demo.id().value();
		assertThat(added.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith(cookieName + "=")
			.contains("HttpOnly", "SameSite=Lax", "Path=/s/demo", "Max-Age=2592000"));

		String token = browser.cookie(cookieName).orElseThrow();
		assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
		byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		assertThat(rowsOf("SELECT count(*) FROM cart.cart WHERE token_hash = ?", hash)).isEqualTo(1);
		assertThat(rowsOf("SELECT count(*) FROM cart.cart WHERE position(? in token_hash) > 0",
				token.getBytes(StandardCharsets.US_ASCII))).isZero();

		// A made-up or tampered token finds no cart.
		TestBrowser stranger = new TestBrowser(port);
		assertThat(stranger.get("/s/demo/cart").body()).contains("カートは空です");
	}

	@Test
	void aPriceChangedByStaffAfterAddingIsTheOneShownAndSoldOutLinesAreMarked() throws Exception {
		Shop kissa = ShopFixtures.kissaShop(administration);
		Variant blend = CatalogFixtures.publishedProduct(catalog, kissa, "深煎りブレンド", 1200, 5);
		Product product = TenantContext.callAs(kissa.id(), () -> catalog.find(blend.productId()).orElseThrow());
		String base = "/s/" + kissa.code().value();
		TestBrowser browser = new TestBrowser(port);
		browser.get(base + "/products/" + product.handle().value());
		assertThat(browser.post(base + "/cart/add", Map.of("variant", Long.toString(blend.id().value()), "quantity", "2"))
			.statusCode()).isEqualTo(303);
		assertThat(browser.get(base + "/cart").body()).contains("¥2,400").doesNotContain("在庫切れ");

		TenantContext.runAs(kissa.id(), () -> catalog.updateVariant(blend.id(),
				new VariantDetails(blend.sku(), blend.options(), 1500, 0), "owner"));
		assertThat(browser.get(base + "/cart").body()).contains("¥1,500", "<span class=\"cart-subtotal\">¥3,000</span>",
				"在庫切れ");
		assertThat(browser.get(base + "/cart?lang=en").body()).contains("Out of stock");
	}

	@Test
	void aGuestCartHoldsAtMostAHundredDistinctVariantsAndLivesThirtyDaysFromItsLastChange() {
		Shop shop = ShopFixtures.zakkaShop(administration);
		List<Variant> variants = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			variants.add(CatalogFixtures.publishedProduct(catalog, shop, "小皿 " + i, 500, 10));
		}
		OpenedCart cart = TenantContext.callAs(shop.id(), () -> carts.add(null, variants.get(0).id(), CartQuantity.parse("1")));
		TenantContext.runAs(shop.id(), () -> variants.subList(1, 100)
			.forEach(variant -> carts.add(cart.token(), variant.id(), CartQuantity.parse("1"))));

		assertThatThrownBy(() -> TenantContext.runAs(shop.id(),
				() -> carts.add(cart.token(), variants.get(100).id(), CartQuantity.parse("1"))))
			.isInstanceOfSatisfying(CartException.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("cart.too-many-lines"));
		OpenedCart again = TenantContext.callAs(shop.id(),
				() -> carts.add(cart.token(), variants.get(99).id(), CartQuantity.parse("2")));
		assertThat(again.id()).isEqualTo(cart.id());
		assertThat(again.created()).isFalse();
		assertThat(TenantContext.callAs(shop.id(), () -> carts.contents(cart.id())).lines()).hasSize(100);

		clock.advance(Duration.ofDays(29));
		assertThat(TenantContext.callAs(shop.id(), () -> carts.add(cart.token(), variants.get(0).id(),
				CartQuantity.parse("1"))).created()).as("an add extends the cart's life").isFalse();
		clock.advance(Duration.ofDays(29));
		assertThat(TenantContext.callAs(shop.id(), () -> carts.find(cart.token()))).contains(cart.id());
		clock.advance(Duration.ofDays(2));
		OpenedCart fresh = TenantContext.callAs(shop.id(), () -> carts.add(cart.token(), variants.get(0).id(),
				CartQuantity.parse("1")));
		assertThat(fresh.created()).as("an expired cart is never reopened").isTrue();
		assertThat(fresh.id()).isNotEqualTo(cart.id());
		assertThat(fresh.token()).isNotEqualTo(cart.token());
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private static String addFromProductPage(TestBrowser browser, String productPage, String option, String quantity)
			throws Exception {
		String variant = variantOf(browser.get(productPage), option);
		HttpResponse<String> added = browser.post(productPage.replaceFirst("/products/.*", "/cart/add"),
				Map.of("variant", variant, "quantity", quantity));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
		assertThat(TestBrowser.location(added)).isEqualTo("/s/demo/cart");
		return variant;
	}

	private static String variantOf(HttpResponse<String> productPage, String option) {
		assertThat(productPage.body()).contains("name=\"_csrf\"");
		return TestBrowser.find(Pattern.compile("<option value=\"(\\d+)\"[^>]*>" + Pattern.quote(option) + " "), productPage);
	}

	private long rowsOf(String sql, Object parameter) throws Exception {
		try (Connection superuser = Databases.asSuperuser(environment);
				PreparedStatement statement = superuser.prepareStatement(sql)) {
			statement.setObject(1, parameter);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
