package org.misemori.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.TestClock;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.Variant;
import org.misemori.notify.Mails;
import org.misemori.ordering.Carrier;
import org.misemori.ordering.CheckoutSteps;
import org.misemori.ordering.OrderId;
import org.misemori.ordering.OrderStatus;
import org.misemori.ordering.Orders;
import org.misemori.payment.domain.Reconciliation;
import org.misemori.payment.sandbox.SandboxPayFixture;
import org.misemori.platform.Shop;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import sandboxpay.Shopper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Card payments through the real Sandbox Pay over HTTP, and what a payment provider's webhooks
 * may do to Misemori: arrive twice, arrive late, arrive out of order, be forged, report another
 * amount, or never arrive at all. Each time the order ends where the money says, once.
 */
@MisemoriIntegrationTest
class ProviderPaymentsIntegrationTest {

	private static final Pattern ORDER_NUMBER = Pattern.compile("<strong>(\\d{8})</strong>");

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

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
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationContext context;

	@Autowired
	org.springframework.core.env.Environment environment;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	org.misemori.theme.ShopTheme themes;

	SandboxPayFixture sandbox;

	Shop shop;

	String base;

	Variant kettle;

	@BeforeEach
	void aShopWithAKettle() {
		sandbox = new SandboxPayFixture(context);
		shop = ShopFixtures.kissaShop(administration);
		base = "/s/" + shop.code().value();
		kettle = CheckoutSteps.product(catalog, shop, CatalogFixtures.publishedProduct(catalog, shop, "鉄瓶", 8_800, 5));
	}

	@AfterEach
	void putTheClockBack() throws Exception {
		clock.reset();
		sandbox.post("/sandbox/webhooks", "{\"paused\":false}");
	}

	@Test
	void aCardPaymentMakesTheOrderPaidThenShippingCapturesItAndARefundGivesPartBack() throws Exception {
		Placed placed = placeCardOrder();
		assertThat(status(placed)).isEqualTo(OrderStatus.RECEIVED);

		String back = payByCard(placed, "4242424242424242");
		HttpResponse<String> returned = new TestBrowser(port).get(back.substring(back.indexOf("/s/")));
		assertThat(TestBrowser.location(returned)).endsWith("/checkout/complete/" + placed.key());
		HttpResponse<String> complete = new TestBrowser(port).get(TestBrowser.location(returned));
		assertThat(complete.body()).contains("data-status=\"AUTHORIZED\"", "VISA **** 4242");
		assertThat(status(placed)).isEqualTo(OrderStatus.PAID);

		TenantContext.runAs(shop.id(), () -> {
			orders.changeStatus(placed.order(), OrderStatus.PREPARING, "staff");
			orders.ship(placed.order(), Carrier.YAMATO, "1234-5678-9012", "staff");
		});
		OrderPayment captured = payment(placed);
		assertThat(captured.status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(captured.capturedAmount()).isEqualTo(captured.amount());

		OrderPayment refunded = TenantContext.callAs(shop.id(), () -> payments.refund(placed.order().value(), 800, "staff"));
		assertThat(refunded.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
		assertThat(refunded.refundedAmount()).isEqualTo(800);
		assertThat(paidChanges(placed)).isEqualTo(1);
	}

	@Test
	void webhooksDuplicatedReplayedOutOfOrderOrForgedChangeNothing() throws Exception {
		Placed placed = placeCardOrder();
		payByCard(placed, "4242424242424242");
		await().atMost(Duration.ofSeconds(20)).until(() -> status(placed) == OrderStatus.PAID);
		TenantContext.runAs(shop.id(), () -> payments.capture(placed.order().value(), "staff"));
		String paymentId = providerPaymentId(placed);
		List<JsonNode> events = events(paymentId);
		assertThat(events).extracting(event -> event.path("type").asString())
			.containsSubsequence("payment.authorized", "payment.captured");
		int version = version(placed);

		// The provider delivers the newest event again (a retry): recognised, answered 200, nothing changes.
		JsonNode newest = events.get(events.size() - 1);
		assertThat(deliver(newest.path("body").asString()).statusCode()).isEqualTo(200);
		assertThat(deliver(newest.path("body").asString()).body()).contains("duplicate");
		// An older event arriving last (out of order, or replayed): recorded as old news.
		JsonNode authorized = events.stream().filter(e -> e.path("type").asString().equals("payment.authorized"))
			.findFirst().orElseThrow();
		String replayed = authorized.path("body").asString().replace(authorized.path("id").asString(), "evt_replayed" + port);
		assertThat(deliver(replayed).body()).contains("stale");
		assertThat(payment(placed).status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(version(placed)).isEqualTo(version);

		// Forged: a body changed after signing, a signature from another key, none at all, an old one.
		String forged = newest.path("body").asString().replace("evt_", "evt_forged");
		assertThat(post(forged, sandbox.signatureFor(newest.path("body").asString())).statusCode()).isEqualTo(400);
		assertThat(post(forged, "t=" + (System.currentTimeMillis() / 1000) + ",v1=" + "0".repeat(64)).statusCode())
			.isEqualTo(400);
		assertThat(post(forged, null).statusCode()).isEqualTo(400);
		assertThat(post(forged, sandbox.signatureFor(forged, java.time.Instant.now().minus(Duration.ofMinutes(6))))
			.statusCode()).isEqualTo(400);
		assertThat(version(placed)).isEqualTo(version);
		assertThat(paidChanges(placed)).isEqualTo(1);
	}

	@Test
	void anAmountOtherThanTheOrdersHoldsThePaymentAndTheOrderStaysUnpaid() throws Exception {
		Placed placed = placeCardOrder();
		String paymentId = providerPaymentId(placed);
		OrderPayment opened = payment(placed);
		String body = """
				{"id":"evt_mismatch%d","type":"payment.authorized","created":%d,"payment":{"id":"%s","version":7,
				"status":"AUTHORIZED","method":"CARD","amount":%d,"capturedAmount":0,"refundedAmount":0,"currency":"JPY",
				"shop":"%s","merchantReference":"x","card":null,"cardToken":null,"threeDSecure":"FRICTIONLESS",
				"declineCode":null,"konbini":null}}""".formatted(port, System.currentTimeMillis() / 1000, paymentId,
				opened.amount() - 8_000, shop.code().value());

		assertThat(deliver(body).statusCode()).isEqualTo(200);
		OrderPayment held = payment(placed);
		assertThat(held.held()).isTrue();
		assertThat(held.heldReason().orElseThrow()).contains((opened.amount() - 8_000) + " yen", opened.amount() + "");
		assertThat(status(placed)).as("a person looks first").isEqualTo(OrderStatus.RECEIVED);
		assertThat(auditedHolds(placed)).as("the operator's alert").isEqualTo(1);
	}

	@Test
	void aPaymentWhoseWebhookNeverCameIsSettledOnceByTheReconciliation() throws Exception {
		Placed placed = placeCardOrder();
		assertThat(sandbox.post("/sandbox/webhooks", "{\"paused\":true}").statusCode()).isEqualTo(200);
		payByCard(placed, "4242424242424242");
		assertThat(status(placed)).as("no webhook yet").isEqualTo(OrderStatus.RECEIVED);

		clock.advance(Duration.ofMinutes(3));
		Reconciliation.runNow(context);
		assertThat(status(placed)).isEqualTo(OrderStatus.PAID);
		int version = version(placed);

		// The held-back webhook arrives after all: old news.
		sandbox.post("/sandbox/webhooks", "{\"paused\":false}");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> inShop("SELECT count(*) FROM payment.provider_event WHERE order_id = :order",
					placed.order().value()) >= 1);
		assertThat(version(placed)).isEqualTo(version);
		assertThat(paidChanges(placed)).isEqualTo(1);
	}

	@Test
	void aCardPaymentAbandonedForAnHourIsCancelledAndTheUnitGoesBack() throws Exception {
		Placed placed = placeCardOrder();
		clock.advance(Duration.ofMinutes(61));
		Reconciliation.runNow(context);
		assertThat(payment(placed).status()).isEqualTo(PaymentStatus.CANCELED);
		assertThat(status(placed)).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void whileTheProviderIsDownCardIsRefusedAndNothingIsPlaced() throws Exception {
		long before = jdbcCountOrders();
		assertThat(sandbox.post("/sandbox/outage", "{\"down\":true}").statusCode()).isEqualTo(200);
		try {
			TestBrowser browser = new TestBrowser(port);
			CheckoutSteps.addToCart(browser, base, kettle, 1);
			Map<String, String> form = CheckoutSteps.guestForm(Mails.uniqueRecipient("example.jp"));
			form.put("payment", "CARD");
			HttpResponse<String> confirmation = CheckoutSteps.confirm(browser, base, form);
			HttpResponse<String> refused = CheckoutSteps.place(browser, base, confirmation);
			assertThat(refused.statusCode()).isEqualTo(422);
			assertThat(refused.body()).contains("ただいまこのお支払い方法はご利用いただけません");
		}
		finally {
			sandbox.post("/sandbox/outage", "{\"down\":false}");
		}
		assertThat(jdbcCountOrders()).isEqualTo(before);
	}

	@Test
	void theStepThatLeadsToThePaymentIgnoresTheShopsTheme() throws Exception {
		String shipped = TenantContext.callAs(shop.id(), () -> themes.current("templates/checkout-confirm.liquid"))
			.map(org.misemori.theme.ThemeFile::body)
			.orElseThrow();
		TenantContext.runAs(shop.id(), () -> themes.save("templates/checkout-confirm.liquid",
				"<p class=\"owner-edit\">店主の編集</p>\n" + shipped, "owner"));
		TestBrowser browser = new TestBrowser(port);
		CheckoutSteps.addToCart(browser, base, kettle, 1);
		Map<String, String> form = CheckoutSteps.guestForm(Mails.uniqueRecipient("example.jp"));
		HttpResponse<String> byTransfer = CheckoutSteps.confirm(browser, base, form);
		assertThat(byTransfer.body()).as("bank transfer: the shop's own confirmation").contains("owner-edit");

		form.put("payment", "CARD");
		HttpResponse<String> byCard = CheckoutSteps.confirm(browser, base, form);
		assertThat(byCard.statusCode()).isEqualTo(200);
		assertThat(byCard.body()).doesNotContain("owner-edit").contains("data-pinned=\"payment\"", "注文を確定してお支払いへ",
				"鉄瓶", "¥9,600");
		assertThat(CheckoutSteps.placeForm(byCard)).extracting(Map.Entry::getKey).contains("checkoutKey", "digest", "payment");
		assertThat(byCard.body()).doesNotContain("<script");
		assertThat(byCard.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'none'");
	}

	private record Placed(OrderId order, String key, URI payAt) {
	}

	/** A guest's card checkout up to "place order": the order exists, the browser is sent to the provider. */
	private Placed placeCardOrder() throws Exception {
		TestBrowser browser = new TestBrowser(port);
		CheckoutSteps.addToCart(browser, base, kettle, 1);
		Map<String, String> form = CheckoutSteps.guestForm(Mails.uniqueRecipient("example.jp"));
		form.put("payment", "CARD");
		HttpResponse<String> confirmation = CheckoutSteps.confirm(browser, base, form);
		assertThat(confirmation.statusCode()).as(confirmation.body()).isEqualTo(200);
		assertThat(confirmation.body()).as("the step to the provider is pinned").contains("data-pinned=\"payment\"");
		assertThat(confirmation.headers().firstValue("Content-Security-Policy").orElseThrow())
			.as("place-order's redirect may lead to the provider").contains("form-action 'self' " + sandbox.baseUrl());
		HttpResponse<String> placed = CheckoutSteps.place(browser, base, confirmation);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(303);
		URI payAt = URI.create(TestBrowser.location(placed));
		assertThat(payAt.toString()).startsWith(sandbox.baseUrl() + "/pay/");
		String key = CheckoutSteps.placeForm(confirmation)
			.stream()
			.filter(field -> field.getKey().equals("checkoutKey"))
			.findFirst()
			.orElseThrow()
			.getValue();
		long order = inShop("SELECT order_id FROM payment.order_payment ORDER BY created_at DESC, order_id DESC LIMIT 1", 0);
		return new Placed(new OrderId(order), key, payAt);
	}

	/** Types the card on the provider's page (3-D Secure frictionless); returns where the provider sends the shopper. */
	private String payByCard(Placed placed, String number) throws Exception {
		Shopper shopper = new Shopper("ja");
		Shopper.Page page = shopper.open(placed.payAt().toString());
		Shopper.Page done = shopper.submit(page.formAction("/card"), Shopper.card(number, "12/30", "123"));
		assertThat(done.redirect()).as(done.body()).isTrue();
		return done.location().toString();
	}

	private OrderStatus status(Placed placed) {
		return TenantContext.callAs(shop.id(), () -> orders.open(placed.order(), "test").orElseThrow().status());
	}

	private OrderPayment payment(Placed placed) {
		return TenantContext.callAs(shop.id(), () -> payments.ofOrder(placed.order().value()).orElseThrow());
	}

	private int version(Placed placed) {
		return (int) inShop("SELECT provider_version FROM payment.order_payment WHERE order_id = :order",
				placed.order().value());
	}

	private String providerPaymentId(Placed placed) {
		return TenantContext.callAs(shop.id(), () -> new TransactionTemplate(transactionManager).execute(status -> jdbc
			.sql("SELECT provider_payment_id FROM payment.order_payment WHERE order_id = :order")
			.param("order", placed.order().value())
			.query(String.class)
			.single()));
	}

	private long paidChanges(Placed placed) {
		return inShop("SELECT count(*) FROM ordering.order_status_change WHERE to_status = 'PAID' AND order_id = :order",
				placed.order().value());
	}

	private List<JsonNode> events(String paymentId) throws Exception {
		JsonNode all = json.readTree(sandbox.get("/sandbox/payments/" + paymentId + "/events").body());
		List<JsonNode> events = new java.util.ArrayList<>();
		(all.isArray() ? all : all.path("events")).forEach(events::add);
		return events;
	}

	private HttpResponse<String> deliver(String body) throws Exception {
		return post(body, sandbox.signatureFor(body));
	}

	private HttpResponse<String> post(String body, String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/payments/webhooks/sandbox"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("Sandbox-Pay-Signature", signature);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private long auditedHolds(Placed placed) throws Exception {
		try (var connection = org.misemori.Databases.asCrossShopRole(environment);
				var query = connection.prepareStatement(
						"SELECT count(*) FROM audit.audit_event WHERE type_code = 704 AND detail LIKE ?")) {
			query.setString(1, "order=" + placed.order().value() + " %");
			try (var rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private long jdbcCountOrders() {
		return inShop("SELECT count(*) FROM ordering.shop_order WHERE :order = :order", 0);
	}

	/** One number, read in the shop's tenant (row-level security applies inside a transaction). */
	private long inShop(String sql, long order) {
		return TenantContext.callAs(shop.id(), () -> new TransactionTemplate(transactionManager)
			.execute(status -> jdbc.sql(sql).param("order", order).query(Long.class).single()));
	}

}
