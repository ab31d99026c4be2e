package org.misemori.ordering;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.Product;
import org.misemori.catalog.Variant;
import org.misemori.catalog.VariantDetails;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A guest's checkout over real HTTP, from cart to confirmation mail, and what must never
 * happen on the way: two orders from one confirmation, a total the shopper did not see, half
 * an order, a unit sold twice, a plain-text address in the database.
 */
@MisemoriIntegrationTest
class CheckoutIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	Catalog catalog;

	@Autowired
	GreenMail mailServer;

	@Autowired
	Environment environment;

	@Autowired
	org.misemori.tax.ShopTaxSettings taxSettings;

	Shop shop;

	String base;

	Variant kettle;

	Variant tea;

	@BeforeEach
	void aShopWithAKettleAndTea() {
		shop = ShopFixtures.kissaShop(administration);
		base = "/s/" + shop.code().value();
		kettle = CheckoutSteps.product(catalog, shop, CatalogFixtures.publishedProduct(catalog, shop, "鉄瓶", 8_800, 5));
		tea = CheckoutSteps.product(catalog, shop, CatalogFixtures.publishedReducedRateProduct(catalog, shop, "煎茶", 1_080, 20));
	}

	@Test
	void aGuestChecksOutAndReceivesTheConfirmationMail() throws Exception {
		TenantContext.runAs(shop.id(), () -> taxSettings.update(new org.misemori.tax.TaxSettings(
				org.misemori.tax.Rounding.FLOOR,
				java.util.Optional.of(org.misemori.tax.InvoiceRegistrationNumber.parse("T7000012050002"))), "owner"));
		String email = Mails.uniqueRecipient("example.jp");
		TestBrowser browser = new TestBrowser(port);
		CheckoutSteps.addToCart(browser, base, kettle, 1);
		CheckoutSteps.addToCart(browser, base, tea, 2);
		Map<String, String> form = CheckoutSteps.guestForm(email);
		form.put("deliverySlot", "1416");

		HttpResponse<String> confirmation = CheckoutSteps.confirm(browser, base, form);
		assertThat(confirmation.statusCode()).as(confirmation.body()).isEqualTo(200);
		// 8,800 + 2 × 1,080 = 10,960 goods; the shop's shipping to Tokyo is free from 10,000 yen.
		assertThat(confirmation.body()).contains("¥10,960", "煎茶", "※", "山田 花子", "千代田区千代田1-1", "14");

		HttpResponse<String> placed = CheckoutSteps.place(browser, base, confirmation);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(303);
		HttpResponse<String> complete = browser.get(TestBrowser.location(placed));
		assertThat(complete.statusCode()).isEqualTo(200);
		String number = TestBrowser.find(java.util.regex.Pattern.compile("<strong>(\\d{8})</strong>"), complete);

		MimeMessage mail = awaitMail(email, number);
		assertThat(Mails.textOf(mail)).contains("山田 花子", "鉄瓶 (藍)", "煎茶 (藍) ※", "¥10,960", "〒100-0001 東京都千代田区千代田1-1",
				"14〜16時", "Thank you for shopping",
				"10%対象 ¥8,800（うち消費税 ¥800）", "8%対象 ¥2,160（うち消費税 ¥160）", "登録番号 T7000012050002");
		assertThat(browser.get(base + "/cart").body()).as("the cart is emptied").contains("カートは空です");
		assertThat(available(kettle)).isEqualTo(4);
		assertThat(available(tea)).isEqualTo(18);
		assertThat(ordersOf(shop)).isEqualTo(1);
	}

	@Test
	void aDoubleClickOrARetryOfPlaceOrderMakesOneOrder() throws Exception {
		TestBrowser browser = new TestBrowser(port);
		CheckoutSteps.addToCart(browser, base, kettle, 1);
		HttpResponse<String> confirmation = CheckoutSteps.confirm(browser, base,
				CheckoutSteps.guestForm(Mails.uniqueRecipient("example.jp")));
		List<Map.Entry<String, String>> place = CheckoutSteps.placeForm(confirmation);

		ExecutorService clicks = Executors.newFixedThreadPool(4);
		List<Callable<HttpResponse<String>>> sameClick = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			sameClick.add(() -> browser.post(base + "/checkout/place", place));
		}
		Set<String> locations = new java.util.HashSet<>();
		for (Future<HttpResponse<String>> response : clicks.invokeAll(sameClick)) {
			assertThat(response.get().statusCode()).isEqualTo(303);
			locations.add(TestBrowser.location(response.get()));
		}
		clicks.shutdown();
		HttpResponse<String> retry = browser.post(base + "/checkout/place", place);
		locations.add(TestBrowser.location(retry));

		assertThat(locations).as("every click lands on the same order").hasSize(1);
		assertThat(ordersOf(shop)).isEqualTo(1);
		assertThat(available(kettle)).as("one unit held, not four").isEqualTo(4);
	}

	@Test
	void aPriceChangedAfterConfirmationIsShownAndMustBeConfirmedAgain() throws Exception {
		TestBrowser browser = new TestBrowser(port);
		CheckoutSteps.addToCart(browser, base, kettle, 1);
		HttpResponse<String> confirmation = CheckoutSteps.confirm(browser, base,
				CheckoutSteps.guestForm(Mails.uniqueRecipient("example.jp")));
		TenantContext.runAs(shop.id(), () -> catalog.updateVariant(kettle.id(),
				new VariantDetails(kettle.sku(), kettle.options(), 9_900, 5), "owner"));

		HttpResponse<String> refused = CheckoutSteps.place(browser, base, confirmation);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("金額が変わりました", "¥9,900");
		assertThat(ordersOf(shop)).isZero();

		HttpResponse<String> placed = browser.post(base + "/checkout/place", CheckoutSteps.placeForm(refused));
		assertThat(placed.statusCode()).isEqualTo(303);
		assertThat(ordersOf(shop)).isEqualTo(1);
	}

	@Test
	void badInputIsNamedFieldByFieldInJapaneseAndEnglishAndNothingIsWritten() throws Exception {
		TestBrowser browser = new TestBrowser(port);
		CheckoutSteps.addToCart(browser, base, kettle, 1);
		Map<String, String> bad = new LinkedHashMap<>(CheckoutSteps.guestForm("not-an-address"));
		bad.put("kana", "やまだ花子");
		bad.put("phone", "12345");
		bad.put("postalCode", "100-01");
		bad.put("prefecture", "48");
		bad.put("name", "");
		bad.put("payment", "CARD_NUMBER");
		bad.put("points", "-5");
		HttpResponse<String> japanese = CheckoutSteps.confirm(browser, base, bad);
		assertThat(japanese.statusCode()).isEqualTo(422);
		assertThat(japanese.body()).contains("お名前を入力してください", "フリガナはカタカナで", "メールアドレスの形式が正しくありません",
				"0 から始まる 10〜11 桁", "郵便番号は 7 桁", "都道府県を選択してください", "そのお支払い方法はご利用いただけません",
				"ご利用ポイントは 0 以上の整数");
		assertThat(japanese.body()).as("what the shopper typed comes back").contains("value=\"not-an-address\"");

		browser.get(base + "/cart?lang=en");
		HttpResponse<String> english = browser.post(base + "/checkout/confirm", bad);
		assertThat(english.statusCode()).isEqualTo(422);
		assertThat(english.body()).contains("Enter your name.", "Write the furigana in katakana.",
				"That is not an email address", "A postal code has 7 digits", "Choose a prefecture.");

		Map<String, String> huge = CheckoutSteps.guestForm(Mails.uniqueRecipient("example.jp"));
		huge.put("address", "長".repeat(5_000));
		assertThat(browser.post(base + "/checkout/confirm", huge).body()).contains("Use at most 100 characters.");
		assertThat(ordersOf(shop)).isZero();
		assertThat(available(kettle)).isEqualTo(5);
	}

	@Test
	void aProductWithdrawnOrSoldOutMidCheckoutIsNamedAndNothingIsHalfPlaced() throws Exception {
		TestBrowser browser = new TestBrowser(port);
		CheckoutSteps.addToCart(browser, base, kettle, 1);
		CheckoutSteps.addToCart(browser, base, tea, 1);
		HttpResponse<String> confirmation = CheckoutSteps.confirm(browser, base,
				CheckoutSteps.guestForm(Mails.uniqueRecipient("example.jp")));
		// Someone else buys every kettle between this shopper's confirmation and their click.
		TenantContext.runAs(shop.id(), () -> catalog.reserve(kettle.id(), new org.misemori.catalog.Quantity(5)));

		HttpResponse<String> soldOut = CheckoutSteps.place(browser, base, confirmation);
		assertThat(soldOut.statusCode()).isEqualTo(409);
		assertThat(soldOut.body()).contains("「鉄瓶 (藍)」は在庫がなくなりました");
		assertThat(ordersOf(shop)).isZero();
		assertThat(available(tea)).as("the tea held before the kettle failed went back").isEqualTo(20);

		Product product = TenantContext.callAs(shop.id(), () -> catalog.find(tea.productId()).orElseThrow());
		TenantContext.runAs(shop.id(), () -> catalog.unpublish(product.id(), "owner"));
		HttpResponse<String> withdrawn = browser.post(base + "/checkout/place", CheckoutSteps.placeForm(confirmation));
		assertThat(withdrawn.statusCode()).isIn(409, 422);
		assertThat(ordersOf(shop)).isZero();
	}

	@Test
	void theBuyersDetailsAreStoredOnlySealed() throws Exception {
		TestBrowser browser = new TestBrowser(port);
		CheckoutSteps.addToCart(browser, base, kettle, 1);
		Map<String, String> form = CheckoutSteps.guestForm("sealed-buyer-7731@example.jp");
		form.put("note", "置き配希望 ベランダ");
		assertThat(CheckoutSteps.place(browser, base, CheckoutSteps.confirm(browser, base, form)).statusCode()).isEqualTo(303);
		try (Connection superuser = Databases.asSuperuser(environment);
				PreparedStatement dump = superuser.prepareStatement(
						"SELECT o::text || coalesce(encode(o.buyer_email_sealed, 'escape'), '') FROM ordering.shop_order o WHERE shop_id = ?")) {
			dump.setLong(1, shop.id().value());
			try (ResultSet rows = dump.executeQuery()) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).doesNotContain("山田", "ヤマダ", "sealed-buyer-7731", "09012345678", "1000001",
						"千代田", "皇居前", "置き配");
			}
		}
	}

	private MimeMessage awaitMail(String recipient, String orderNumber) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> Mails.receivedBy(mailServer, recipient)
				.stream()
				.filter(m -> Mails.textOf(m).contains(orderNumber))
				.toList(), found -> !found.isEmpty())
			.get(0);
	}

	private int available(Variant variant) {
		return TenantContext.callAs(shop.id(), () -> catalog.find(variant.productId()).orElseThrow().variants().stream()
			.filter(v -> v.id().equals(variant.id())).findFirst().orElseThrow().available());
	}

	private long ordersOf(Shop of) throws Exception {
		try (Connection superuser = Databases.asSuperuser(environment);
				PreparedStatement count = superuser.prepareStatement("SELECT count(*) FROM ordering.shop_order WHERE shop_id = ?")) {
			count.setLong(1, of.id().value());
			try (ResultSet rows = count.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
