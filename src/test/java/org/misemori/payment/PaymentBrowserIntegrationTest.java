package org.misemori.payment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.misemori.BrowserForms;
import org.misemori.Chromium;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.Variant;
import org.misemori.identity.staff.NewStaff;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.identity.twofactor.TotpFixtures;
import org.misemori.notify.Mails;
import org.misemori.ordering.OrderId;
import org.misemori.ordering.OrderSearch;
import org.misemori.ordering.OrderStatus;
import org.misemori.ordering.Orders;
import org.misemori.payment.sandbox.SandboxPayFixture;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6's acceptance walk in headless Chromium: a guest pays through the real storefront and
 * the real Sandbox Pay pages on the provider's own origin (127.0.0.1 against the shop's
 * localhost) by card in redirect mode (frictionless, 3-D Secure challenge, a declined card then
 * another), by card in the provider's fields framed by Misemori's pinned page, at a konbini
 * (paid later, the webhook settles the order) and by deferred payment (approved, and refused at
 * screening); staff ship a card order (captured) and refund part of it. Four card payments are
 * opened in all, far under the 25 per address that the shared context allows.
 */
@MisemoriIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentBrowserIntegrationTest {

	private static final String STAFF_PASSPHRASE = "決済の朝は伝票とレシートの匂いがする";

	private static final Pattern KEY = Pattern.compile(".*/checkout/(?:complete|pay)/([^/?#]+).*");

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	Catalog catalog;

	@Autowired
	Orders orders;

	@Autowired
	Payments payments;

	@Autowired
	StaffAccounts staff;

	@Autowired
	GreenMail mailServer;

	@Autowired
	ApplicationContext context;

	SandboxPayFixture sandbox;

	String providerOrigin;

	Path profile;

	ChromeDriver browser;

	BrowserForms forms;

	@BeforeAll
	void openBrowser() throws IOException {
		profile = Files.createTempDirectory("payment-browser");
		browser = Chromium.start(profile, "ja");
		forms = new BrowserForms(browser);
		sandbox = new SandboxPayFixture(context);
		providerOrigin = origin(sandbox.baseUrl());
	}

	@AfterAll
	void closeBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

	@BeforeEach
	void freshShopper() {
		browser.get(url("/"));
		browser.manage().deleteAllCookies();
	}

	@Test
	void cardOnTheProvidersPageThenStaffShipAndRefund() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		String item = product(shop, "手ぬぐい 藍染", 2_200);

		String guest = Mails.uniqueRecipient("example.jp");
		String paid = placeAndGoToProvider(shop, item, guest, "山田 花子", "CARD");
		payByCard("4242 4242 4242 4242");
		assertCompletedWith(shop, paid, "AUTHORIZED", OrderStatus.PAID);
		assertThat(forms.text(".payment-status")).contains("VISA", "4242");
		assertThat(awaitMail(guest, paid)).contains("手ぬぐい 藍染", "カードでのお支払い手続きが完了した時点で");

		String challenged = placeAndGoToProvider(shop, item, Mails.uniqueRecipient("example.jp"), "佐藤 次郎", "CARD");
		payByCard("4000 0000 0000 3220");
		assertThat(forms.text("main h1")).contains("本人認証");
		forms.type("otp", "123456");
		forms.submit();
		assertCompletedWith(shop, challenged, "AUTHORIZED", OrderStatus.PAID);

		String retrier = Mails.uniqueRecipient("example.jp");
		String retried = placeAndGoToProvider(shop, item, retrier, "高橋 三郎", "CARD");
		payByCard("4000 0000 0000 0002");
		assertThat(providerOrigin).isEqualTo(origin(browser.getCurrentUrl()));
		assertThat(forms.text("p.error[role=alert]")).contains("カードが承認されませんでした");
		payByCard("4242 4242 4242 4242");
		assertCompletedWith(shop, retried, "AUTHORIZED", OrderStatus.PAID);
		assertThat(inShop(shop, () -> orders.list(new OrderSearch(Optional.empty(), Optional.empty(),
				Optional.of(retrier), Optional.empty(), Optional.empty()), 0))).as("the decline placed no second order")
			.singleElement()
			.satisfies(order -> assertThat(order.id().number()).isEqualTo(retried));

		staffShipAndRefund(shop, paid, guest);
	}

	@Test
	void cardInTheProvidersFieldsFramedByThePinnedPage() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		TenantContext.runAs(shop.id(), () -> payments.changeCardPage(CardPage.IFRAME, "test"));
		String item = product(shop, "ブレンド珈琲豆 200g", 1_620);

		String buyer = Mails.uniqueRecipient("example.jp");
		placeOrder(shop, item, buyer, "伊藤 四郎", "CARD");
		assertThat(browser.getCurrentUrl()).startsWith(url("/s/" + shop.code().value() + "/checkout/pay/"));
		String key = keyOf(browser.getCurrentUrl());
		pinnedPageHoldsNoCardFieldAndFramesOnlyTheProvider(shop, key);

		browser.switchTo().frame(browser.findElement(By.id("card-fields")));
		payByCard("4242 4242 4242 4242");
		assertThat(forms.text("main h1")).contains("承認されました");
		forms.click(By.cssSelector("main form button[type=submit]"));
		browser.switchTo().defaultContent();
		String number = forms.text(".order-number strong");
		assertCompletedWith(shop, number, "AUTHORIZED", OrderStatus.PAID);
		assertThat(forms.text(".payment-status")).contains("VISA", "4242");
		assertThat(awaitMail(buyer, number)).contains("ブレンド珈琲豆 200g");
	}

	@Test
	void konbiniIsSettledByTheWebhookAndDeferredPaymentIsScreened() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		String item = product(shop, "竹かご 小", 3_300);

		String buyer = Mails.uniqueRecipient("example.jp");
		placeOrder(shop, item, buyer, "渡辺 五郎", "KONBINI");
		assertThat(origin(browser.getCurrentUrl())).isEqualTo(providerOrigin);
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(driver -> driver.findElement(By.cssSelector("input[name=store][value=lawson]"))).click();
		forms.submit();
		String slipNumber = forms.text("dd.number");
		assertThat(slipNumber).matches("[0-9-]{4,30}");
		assertThat(forms.text("main")).contains("ローソン", "お支払い期限", "（日本時間）まで");
		forms.click(By.cssSelector("main a[href*='/checkout/payment/return/']"));
		String number = forms.text(".order-number strong");
		assertThat(forms.text(".konbini-number")).isEqualTo(slipNumber);
		assertThat(browser.findElement(By.cssSelector(".payment-status")).getAttribute("data-status"))
			.isEqualTo("AWAITING_KONBINI");
		assertThat(statusOf(shop, number)).isEqualTo(OrderStatus.RECEIVED);
		assertThat(awaitMail(buyer, number)).contains("竹かご 小");

		String payment = paymentOfCheckout(keyOf(browser.getCurrentUrl()));
		assertThat(sandbox.post("/sandbox/payments/" + payment + "/konbini-paid", "{}").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(shop, number) == OrderStatus.PAID);
		browser.navigate().refresh();
		assertThat(forms.waitFor(".payment-status").getAttribute("data-status")).isEqualTo("CAPTURED");

		String deferred = Mails.uniqueRecipient("example.jp");
		String approved = placeOrder(shop, item, deferred, "小林 六子", "DEFERRED");
		assertThat(origin(browser.getCurrentUrl())).as("deferred payment never leaves the shop").isEqualTo(url(""));
		assertCompletedWith(shop, approved, "AUTHORIZED", OrderStatus.PAID);
		assertThat(awaitMail(deferred, approved)).contains("請求書は商品とは別にお送りします");

		String refused = Mails.uniqueRecipient("example.jp");
		confirmOrder(shop, item, refused, "審査NG 七郎", "DEFERRED");
		forms.click(By.cssSelector(".place-order"));
		assertThat(forms.text(".form-error")).contains("後払いの審査を通過できませんでした");
		assertThat(inShop(shop, () -> orders.list(new OrderSearch(Optional.empty(), Optional.empty(),
				Optional.of(refused), Optional.empty(), Optional.empty()), 0))).isEmpty();
	}

	/** Read over plain HTTP, not through the browser: the headers as served, and the page's own markup. */
	private void pinnedPageHoldsNoCardFieldAndFramesOnlyTheProvider(Shop shop, String key) throws Exception {
		HttpResponse<String> page = new TestBrowser(port).get("/s/" + shop.code().value() + "/checkout/pay/" + key);
		assertThat(page.statusCode()).isEqualTo(200);
		String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("script-src 'none'").doesNotContain("child-src");
		assertThat(policy.replaceAll(".*frame-src ([^;]*).*", "$1").strip()).as(policy).isEqualTo(providerOrigin);
		String html = page.body().toLowerCase(Locale.ROOT);
		assertThat(html).doesNotContain("<script")
			.doesNotContainPattern("name=\"(number|code|card|cardnumber|cvc|cvv|securitycode)\"")
			.doesNotContain("cc-number", "cc-csc")
			.contains("src=\"" + providerOrigin + "/fields/");
	}

	private void staffShipAndRefund(Shop shop, String number, String guest) throws Exception {
		String loginId = "kessai" + number.substring(4);
		staff.invite(shop.code().value(), new NewStaff(loginId, "決済 担当", Mails.uniqueRecipient("example.jp"), false,
				Set.of(StaffPermission.ORDERS), ""), "ops.test");
		browser.manage().deleteAllCookies();
		browser.get(forms.linkOnDevMail(port, Pattern.compile("(http://localhost:\\d+/admin/invitation\\?shop="
				+ shop.code().value() + "&amp;token=[A-Za-z0-9_-]{43})")));
		forms.type("password", STAFF_PASSPHRASE);
		forms.type("confirmation", STAFF_PASSPHRASE);
		forms.submit();
		browser.get(url("/admin/login"));
		forms.type("shopCode", shop.code().value());
		forms.type("loginId", loginId);
		forms.type("password", STAFF_PASSPHRASE);
		forms.submit();
		forms.waitFor("#totp-secret");
		forms.type("code", TotpFixtures.currentCode(browser.findElement(By.id("totp-secret")).getText()));
		forms.submit();
		forms.waitFor("#recovery-codes");
		forms.click(By.id("continue"));

		browser.get(url("/admin/orders/" + number));
		assertThat(forms.text("#payment-status")).isEqualTo("お支払い手続き済み（発送時に確定します）");
		forms.click(By.id("to-PREPARING"));
		new Select(browser.findElement(By.id("carrier"))).selectByValue("YAMATO");
		forms.type("trackingNumber", "4321-8765-0042");
		forms.click(By.id("ship"));
		assertThat(forms.text("#status")).isEqualTo("発送済み");
		assertThat(browser.findElement(By.id("payment")).getAttribute("data-status")).isEqualTo("CAPTURED");
		assertThat(forms.text("#payment-captured")).isEqualTo(forms.text("#total"));
		assertThat(awaitMail(guest, "4321-8765-0042")).contains(number);

		forms.type("amount", "1000");
		forms.click(By.id("refund"));
		assertThat(forms.text("#payment-refunded")).isEqualTo("¥1,000");
		assertThat(browser.findElement(By.id("payment")).getAttribute("data-status")).isEqualTo("PARTIALLY_REFUNDED");
		Chromium.screenshot(browser, "payment-admin-refunded");
	}

	/** Places an order paid through the provider, and waits on the provider's page (its own origin). */
	private String placeAndGoToProvider(Shop shop, String item, String email, String name, String method) {
		placeOrder(shop, item, email, name, method);
		forms.waitFor("main form");
		assertThat(origin(browser.getCurrentUrl())).isEqualTo(providerOrigin);
		return inShop(shop, () -> orders.list(new OrderSearch(Optional.empty(), Optional.empty(), Optional.of(email),
				Optional.empty(), Optional.empty()), 0)).get(0).id().number();
	}

	/** From the product page to "place order"; answers the order's number when the shop shows it at once. */
	private String placeOrder(Shop shop, String item, String email, String name, String method) {
		confirmOrder(shop, item, email, name, method);
		forms.click(By.cssSelector(".place-order"));
		return browser.findElements(By.cssSelector(".order-number strong")).stream().findFirst().map(e -> e.getText())
			.orElse("");
	}

	private void confirmOrder(Shop shop, String item, String email, String name, String method) {
		browser.get(url("/s/" + shop.code().value() + "/products/" + item));
		forms.click(By.cssSelector("form[action$='/cart/add'] button"));
		forms.click(By.cssSelector(".cart-checkout a"));
		forms.type("name", name);
		forms.type("kana", "テスト タロウ");
		forms.type("email", email);
		forms.type("phone", "090-1234-5678");
		forms.type("postalCode", "604-8005");
		new Select(browser.findElement(By.id("prefecture"))).selectByVisibleText("京都府");
		forms.type("address", "京都市中京区桜之町1-1");
		browser.findElement(By.cssSelector("input[name='payment'][value='" + method + "']")).click();
		forms.click(By.cssSelector(".checkout-form button[type=submit]"));
		forms.waitFor(".checkout-totals");
	}

	/** Types a card on the provider's form (its page, or its fields inside the frame) and pays. */
	private void payByCard(String number) {
		forms.waitFor("input[name=number]");
		forms.type("number", number);
		forms.type("expiry", "12/30");
		forms.type("code", "123");
		forms.type("holder", "HANAKO YAMADA");
		forms.submit();
	}

	private void assertCompletedWith(Shop shop, String number, String paymentStatus, OrderStatus orderStatus) {
		assertThat(forms.text(".order-number strong")).isEqualTo(number);
		assertThat(origin(browser.getCurrentUrl())).isEqualTo(url(""));
		assertThat(browser.findElement(By.cssSelector(".payment-status")).getAttribute("data-status"))
			.isEqualTo(paymentStatus);
		await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(shop, number) == orderStatus);
	}

	/**
	 * The provider's id of the newest payment opened for the checkout with one-time key {@code key},
	 * found by the reference checkout sends (the key's SHA-256, never the key itself).
	 */
	private String paymentOfCheckout(String key) throws Exception {
		byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		String reference = "ck-" + HexFormat.of().formatHex(hash, 0, 16);
		HttpResponse<String> found = sandbox.get("/v1/payments?merchantReference=" + reference);
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		Matcher ids = Pattern.compile("\"id\"\\s*:\\s*\"(pay_[A-Za-z0-9_-]+)\"").matcher(found.body());
		String id = null;
		while (ids.find()) {
			id = ids.group(1);
		}
		assertThat(id).as(found.body()).isNotNull();
		return id;
	}

	private OrderStatus statusOf(Shop shop, String number) {
		return inShop(shop, () -> orders.open(OrderId.parse(number).orElseThrow(), "test: payment browser walk")
			.orElseThrow()
			.status());
	}

	private String product(Shop shop, String title, long price) {
		Variant variant = CatalogFixtures.publishedProduct(catalog, shop, title, price, 50);
		return inShop(shop, () -> catalog.find(variant.productId()).orElseThrow().handle().value());
	}

	private static <T> T inShop(Shop shop, java.util.function.Supplier<T> work) {
		return TenantContext.callAs(shop.id(), work);
	}

	private String awaitMail(String recipient, String containing) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> Mails.receivedBy(mailServer, recipient).stream().map(Mails::textOf)
				.filter(text -> text.contains(containing)).toList(), found -> !found.isEmpty())
			.get(0);
	}

	private static String keyOf(String url) {
		return KEY.matcher(url).replaceAll("$1");
	}

	private static String origin(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
