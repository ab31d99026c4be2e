package org.misemori.storefront.web;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
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
import static org.awaitility.Awaitility.await;

/**
 * Kept catalog pages (ShopperPageFilter): served to each anonymous shopper with that
 * shopper's own CSRF token and a fresh CSP nonce, never a byte of another shopper's, and
 * never stale — at once on the node that made a change, within the refresh on any other.
 */
@MisemoriIntegrationTest
class ShopperPageCacheIntegrationTest {

	private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	ShopAdministration administration;

	@Autowired
	ShopDirectory shops;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Environment environment;

	@Test
	void aKeptPageCarriesEachShoppersOwnTokenAndNonceAndTheirCartWorks() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		Variant variant = CatalogFixtures.publishedProduct(catalog, shop, "藍染めの手ぬぐい", 1_100, 5);
		String page = productPage(shop, variant);
		TestBrowser first = new TestBrowser(port);
		TestBrowser second = new TestBrowser(port);

		HttpResponse<String> rendered = first.get(page);
		double hitsBefore = hits();
		HttpResponse<String> kept = second.get(page);

		assertThat(hits()).isEqualTo(hitsBefore + 1);
		assertThat(kept.statusCode()).isEqualTo(200);
		assertThat(kept.body()).contains("藍染めの手ぬぐい", "¥1,100").doesNotContain(PageCapture.TOKEN_PLACEHOLDER);
		assertThat(rendered.body()).doesNotContain(PageCapture.TOKEN_PLACEHOLDER);
		assertThat(TestBrowser.find(TOKEN, kept)).isNotEqualTo(TestBrowser.find(TOKEN, rendered));
		assertThat(second.cookie("misemori_csrf")).isPresent().isNotEqualTo(first.cookie("misemori_csrf"));
		assertThat(nonce(kept)).isNotEqualTo(nonce(rendered));
		assertThat(withoutNonce(kept)).isEqualTo(withoutNonce(rendered));

		HttpResponse<String> added = second.post("/s/" + shop.code().value() + "/cart/add",
				Map.of("variant", variant.id().value() + "", "quantity", "1"));
		assertThat(added.statusCode()).isEqualTo(303);
		assertThat(first.post("/s/" + shop.code().value() + "/cart/add",
				Map.of("variant", variant.id().value() + "", "quantity", "1")).statusCode()).isEqualTo(303);
	}

	@Test
	void anOwnersChangeShowsAtOnceOnTheNodeThatMadeIt() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		Variant variant = CatalogFixtures.publishedProduct(catalog, shop, "竹の箸", 880, 5);
		TestBrowser shopper = new TestBrowser(port);
		assertThat(shopper.get(productPage(shop, variant)).body()).contains("¥880");
		assertThat(shopper.get(productPage(shop, variant)).body()).contains("¥880");

		TenantContext.runAs(shop.id(), () -> catalog.updateVariant(variant.id(),
				new VariantDetails(variant.sku(), variant.options(), 990, 5), "owner"));

		assertThat(shopper.get(productPage(shop, variant)).body()).contains("¥990").doesNotContain("¥880");
	}

	@Test
	void aChangeMadeElsewhereShowsWithinTheRefreshAndSellingStockOnlyCountsAtZero() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		Variant variant = CatalogFixtures.publishedProduct(catalog, shop, "漆の椀", 4_400, 2);
		TestBrowser shopper = new TestBrowser(port);
		shopper.get(productPage(shop, variant));
		long before = generation(shop);

		// As another node or a hand-run statement would: nothing on this node hears of it.
		asAnotherNode("UPDATE catalog.variant SET reserved = 1 WHERE shop_id = ? AND id = ?", shop, variant);
		assertThat(generation(shop)).as("one of two units held: still for sale").isEqualTo(before);
		asAnotherNode("UPDATE catalog.variant SET reserved = 2 WHERE shop_id = ? AND id = ?", shop, variant);
		assertThat(generation(shop)).as("the last unit held: sold out").isNotEqualTo(before);

		await().atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(shopper.get(productPage(shop, variant)).body()).contains(" disabled>"));
	}

	@Test
	void aClosedShopsKeptPagesStopAtOnce() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		Variant variant = CatalogFixtures.publishedProduct(catalog, shop, "急須", 3_300, 5);
		TestBrowser shopper = new TestBrowser(port);
		shopper.get(productPage(shop, variant));
		assertThat(shopper.get(productPage(shop, variant)).statusCode()).isEqualTo(200);

		administration.closeShop(shop.code().value(), 30);

		HttpResponse<String> after = shopper.get(productPage(shop, variant));
		assertThat(after.statusCode()).isNotEqualTo(200);
		assertThat(after.body()).doesNotContain("急須");
	}

	@Test
	void languagesAreKeptApartAndSignedInOrSwitchingRequestsGoTheWholeWay() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		Variant variant = CatalogFixtures.publishedProduct(catalog, shop, "風呂敷", 2_200, 5);
		TestBrowser japanese = new TestBrowser(port);
		japanese.get(productPage(shop, variant));
		assertThat(japanese.get(productPage(shop, variant)).body()).contains("lang=\"ja\"");

		TestBrowser english = new TestBrowser(port);
		assertThat(english.get(productPage(shop, variant) + "?lang=en").body()).contains("lang=\"en\"");
		assertThat(english.cookie("misemori_lang")).isPresent();
		assertThat(english.get(productPage(shop, variant)).body()).contains("lang=\"en\"");
		assertThat(english.get(productPage(shop, variant)).body()).contains("lang=\"en\"");
		assertThat(japanese.get(productPage(shop, variant)).body()).contains("lang=\"ja\"");
	}

	private double hits() {
		return meters.counter("misemori.storefront.page.cache", "result", "hit").count();
	}

	private long generation(Shop shop) {
		return shops.storefrontGenerations(List.of(shop.id())).get(shop.id());
	}

	private void asAnotherNode(String sql, Shop shop, Variant variant) throws Exception {
		try (Connection owner = Databases.asSuperuser(environment); PreparedStatement update = owner.prepareStatement(sql)) {
			update.setLong(1, shop.id().value());
			update.setLong(2, variant.id().value());
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
	}

	private String productPage(Shop shop, Variant variant) {
		String handle = TenantContext.callAs(shop.id(), () -> catalog.find(variant.productId()).orElseThrow().handle().value());
		return "/s/" + shop.code().value() + "/products/" + handle;
	}

	private static String nonce(HttpResponse<String> response) {
		Matcher nonce = NONCE.matcher(response.headers().firstValue("Content-Security-Policy").orElseThrow());
		assertThat(nonce.find()).isTrue();
		return nonce.group(1);
	}

	/** The headers but those that differ by response or by shopper. */
	private static Map<String, List<String>> withoutNonce(HttpResponse<String> response) {
		Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
		headers.keySet().removeAll(List.of("set-cookie", "date", "content-length"));
		headers.computeIfPresent("content-security-policy",
				(name, values) -> values.stream().map(value -> NONCE.matcher(value).replaceAll("")).toList());
		return headers;
	}

}
