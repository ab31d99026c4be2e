package org.misemori.storefront;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.Handle;
import org.misemori.catalog.ProductDetails;
import org.misemori.catalog.ProductId;
import org.misemori.catalog.TaxClass;
import org.misemori.catalog.VariantDetails;
import org.misemori.catalog.VariantOption;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.theme.ShopTheme;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo shop's catalog through its theme, at Shopify's URL shapes, with the sandbox's guarantees. */
@MisemoriIntegrationTest
class ThemedStorefrontIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	ShopTheme themes;

	@Autowired
	ShopAdministration administration;

	@Test
	void aProductPageShowsTaxIncludedPricesVariantsAndTheReducedRateMark() throws Exception {
		mvc.perform(get("/s/demo/products/nanbu-tetsubin"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("script-src")))
			.andExpect(content().string(allOf(containsString("南部鉄器 鉄瓶 あられ"), containsString("¥13,200"),
					containsString("0.8L"), containsString("1.2L"), containsString("/s/demo/assets/theme.css"),
					not(containsString("<script")))));
		mvc.perform(get("/s/demo/products/uji-sencha"))
			.andExpect(content().string(allOf(containsString("宇治煎茶"), containsString("※"))));
		mvc.perform(get("/s/demo/products/nanbu-tetsubin").header("Accept-Language", "en"))
			.andExpect(content().string(containsString("lang=\"en\"")));
	}

	@Test
	void theHomePageShowsTheFirstCollectionAsFeaturedProducts() throws Exception {
		mvc.perform(get("/s/demo/"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("店守デモ商店"), containsString("おすすめ商品"),
					containsString("/s/demo/products/take-zaru"), containsString("href=\"/s/demo/account\""))));
	}

	@Test
	void collectionsAndSearchListPublishedProducts() throws Exception {
		mvc.perform(get("/s/demo/collections/kitchen"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("台所道具"), containsString("/s/demo/products/santoku-knife"))));
		mvc.perform(get("/s/demo/search").param("q", "鉄瓶"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/s/demo/products/nanbu-tetsubin")));
		mvc.perform(get("/s/demo/products/no-such-product")).andExpect(status().isNotFound());
		mvc.perform(get("/s/demo/collections/no-such-collection")).andExpect(status().isNotFound());
	}

	@Test
	void whatStaffTypeIsEscapedAndADraftIsNotShown() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		ProductId product = TenantContext.callAs(shop.id(), () -> catalog.createProduct(new ProductDetails(
				new Handle("evil-kettle"), "<script>alert(1)</script>やかん", "<img src=x onerror=alert(1)>説明", TaxClass.STANDARD),
				"owner"));
		TenantContext.runAs(shop.id(), () -> catalog.addVariant(product,
				new VariantDetails("EVIL-1", List.of(new VariantOption("色", "<b>黒</b>")), 2200, 3), "owner"));
		String page = "/s/" + shop.code().value() + "/products/evil-kettle";
		mvc.perform(get(page)).andExpect(status().isNotFound());

		TenantContext.runAs(shop.id(), () -> catalog.publish(product, "owner"));
		mvc.perform(get(page))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;やかん"),
					not(containsString("<script>alert")), not(containsString("onerror")), not(containsString("<b>黒")))));
	}

	@Test
	void anOwnersThemeChangeShowsAndAThemeThatBreaksItsLimitsGivesTheFallbackPage() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		ProductId product = TenantContext.callAs(shop.id(), () -> catalog.createProduct(
				new ProductDetails(new Handle("tenugui"), "手ぬぐい", "", TaxClass.STANDARD), "owner"));
		TenantContext.runAs(shop.id(), () -> {
			catalog.addVariant(product, new VariantDetails("TNG-1", List.of(), 1100, 5), "owner");
			catalog.publish(product, "owner");
		});
		String page = "/s/" + shop.code().value() + "/products/tenugui";

		TenantContext.runAs(shop.id(), () -> themes.save("templates/product.liquid",
				"<h1 class=\"mine\">{{ product.name }} — {{ product.price_label }}</h1>", "owner"));
		mvc.perform(get(page)).andExpect(status().isOk()).andExpect(content().string(containsString("<h1 class=\"mine\">手ぬぐい — ¥1,100</h1>")));

		TenantContext.runAs(shop.id(), () -> themes.save("templates/product.liquid",
				"{% for i in (1..100000000) %}{{ i }}{% endfor %}", "owner"));
		mvc.perform(get(page)).andExpect(status().isServiceUnavailable()).andExpect(content().string(not(containsString("99999"))));
	}

	@Test
	void aClosedShopsCatalogIsNotShown() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		administration.closeShop(shop.code().value(), 30);
		mvc.perform(get("/s/" + shop.code().value() + "/products/anything")).andExpect(status().isGone());
	}

}
