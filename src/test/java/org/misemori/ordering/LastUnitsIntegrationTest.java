package org.misemori.ordering;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.Variant;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty shoppers press "place order" at the same moment for the last ten units, each from
 * their own confirmed checkout: exactly ten orders, no unit sold twice, and every other
 * shopper gets the sold-out page, not an error.
 */
@MisemoriIntegrationTest
class LastUnitsIntegrationTest {

	private static final int BUYERS = 50;

	private static final int UNITS = 10;

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	Catalog catalog;

	@Autowired
	Environment environment;

	@Test
	void fiftyBuyersForTenUnitsMakeExactlyTenOrders() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		String base = "/s/" + shop.code().value();
		Variant lastBatch = CheckoutSteps.product(catalog, shop, CatalogFixtures.publishedProduct(catalog, shop, "限定の急須", 12_000, UNITS));
		List<TestBrowser> buyers = new ArrayList<>();
		List<HttpResponse<String>> confirmations = new ArrayList<>();
		for (int i = 0; i < BUYERS; i++) {
			TestBrowser buyer = new TestBrowser(port);
			CheckoutSteps.addToCart(buyer, base, lastBatch, 1);
			HttpResponse<String> confirmation = CheckoutSteps.confirm(buyer, base,
					CheckoutSteps.guestForm(Mails.uniqueRecipient("example.jp")));
			assertThat(confirmation.statusCode()).isEqualTo(200);
			buyers.add(buyer);
			confirmations.add(confirmation);
		}

		ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> clicks = new ArrayList<>();
		for (int i = 0; i < BUYERS; i++) {
			TestBrowser buyer = buyers.get(i);
			List<Map.Entry<String, String>> form = CheckoutSteps.placeForm(confirmations.get(i));
			clicks.add(pool.submit(() -> {
				start.await();
				return buyer.post(base + "/checkout/place", form);
			}));
		}
		start.countDown();
		int placed = 0;
		int soldOut = 0;
		for (Future<HttpResponse<String>> click : clicks) {
			HttpResponse<String> response = click.get();
			if (response.statusCode() == 303) {
				placed++;
			}
			else {
				assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
				assertThat(response.body()).contains("在庫がなくなりました");
				soldOut++;
			}
		}
		pool.shutdown();

		assertThat(placed).isEqualTo(UNITS);
		assertThat(soldOut).isEqualTo(BUYERS - UNITS);
		assertThat(count("SELECT count(*) FROM ordering.shop_order WHERE shop_id = ?", shop)).isEqualTo(UNITS);
		assertThat(count("SELECT coalesce(sum(quantity), 0) FROM ordering.order_line WHERE shop_id = ?", shop)).isEqualTo(UNITS);
		assertThat(TenantContext.callAs(shop.id(), () -> catalog.find(lastBatch.productId()).orElseThrow().variants().get(0))
			.available()).isZero();
	}

	private long count(String sql, Shop shop) throws Exception {
		try (Connection superuser = Databases.asSuperuser(environment);
				PreparedStatement statement = superuser.prepareStatement(sql)) {
			statement.setLong(1, shop.id().value());
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
