package org.misemori.ordering;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.Variant;
import org.misemori.identity.member.MemberAccounts;
import org.misemori.identity.member.MemberFixtures;
import org.misemori.loyalty.Coupon;
import org.misemori.loyalty.CouponKind;
import org.misemori.loyalty.Coupons;
import org.misemori.loyalty.OrderRef;
import org.misemori.loyalty.Points;
import org.misemori.loyalty.PointsSettings;
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
 * A member checks out with points and a coupon: the discount and the points are on the
 * confirmation, in the order and the mail, taken once, and given back when staff cancel; the
 * order is in their history on their my page. A guest cannot use points.
 */
@MisemoriIntegrationTest
class MemberCheckoutIntegrationTest {

	private static final String PASSWORD = "庭の柿が今年も赤くなる";

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	Catalog catalog;

	@Autowired
	MemberAccounts members;

	@Autowired
	Points points;

	@Autowired
	Coupons coupons;

	@Autowired
	Orders orders;

	@Autowired
	GreenMail mailServer;

	@Autowired
	Environment environment;

	Shop shop;

	String base;

	Variant plate;

	@BeforeEach
	void aShopWithPointsAndACoupon() {
		shop = ShopFixtures.zakkaShop(administration);
		base = "/s/" + shop.code().value();
		plate = CheckoutSteps.product(catalog, shop, CatalogFixtures.publishedProduct(catalog, shop, "波佐見焼の皿", 3_300, 10));
		TenantContext.runAs(shop.id(), () -> {
			points.updateSettings(new PointsSettings(true, 5, 12, 100), "owner");
			coupons.create(new Coupon("AKI500", CouponKind.FIXED_YEN, 500, 5_000, Instant.now().minusSeconds(60),
					Instant.now().plus(Duration.ofDays(30)), 100, 0, true), "owner");
		});
	}

	@Test
	void aMemberUsesPointsAndACouponAndCancellingGivesThemBack() throws Exception {
		String email = MemberFixtures.activeMember(members, environment, shop, PASSWORD);
		TestBrowser browser = new TestBrowser(port);
		browser.get(base + "/account/login");
		HttpResponse<String> signedIn = browser.post(base + "/account/login", Map.of("email", email, "password", PASSWORD));
		assertThat(TestBrowser.location(signedIn)).endsWith(base + "/account");
		long memberId = memberIdOf(browser);
		TenantContext.runAs(shop.id(), () -> points.award(memberId, 20_000, new OrderRef(987_654_321L)));
		assertThat(balance(memberId)).isEqualTo(1_000);

		CheckoutSteps.addToCart(browser, base, plate, 2);
		Map<String, String> form = CheckoutSteps.guestForm(email);
		form.put("couponCode", "aki500");
		form.put("points", "300");
		HttpResponse<String> confirmation = CheckoutSteps.confirm(browser, base, form);
		assertThat(confirmation.statusCode()).as(confirmation.body()).isEqualTo(200);
		// 6,600 goods − 500 coupon − 300 points; earned: 5 % of 5,800 = 290.
		assertThat(confirmation.body()).contains("AKI500", "-¥500", "-300", "290");
		HttpResponse<String> placed = CheckoutSteps.place(browser, base, confirmation);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(303);
		assertThat(balance(memberId)).isEqualTo(1_000 - 300 + 290);
		assertThat(TenantContext.callAs(shop.id(), () -> coupons.find("AKI500").orElseThrow().used())).isEqualTo(1);

		String mail = await().atMost(Duration.ofSeconds(20))
			.until(() -> Mails.receivedBy(mailServer, email).stream().map(Mails::textOf).filter(t -> t.contains("AKI500")).toList(),
					found -> !found.isEmpty())
			.get(0);
		assertThat(mail).contains("-¥500", "-300", "290");

		HttpResponse<String> history = browser.get(base + "/account/orders");
		assertThat(history.statusCode()).isEqualTo(200);
		String number = TestBrowser.find(java.util.regex.Pattern.compile("<a href=\"[^\"]+/account/orders/(\\d{8})\">"), history);
		assertThat(browser.get(base + "/account/orders/" + number).body()).contains("波佐見焼の皿", "受付");
		assertThat(browser.get(base + "/account/points").body()).contains("<strong>990</strong>");

		TenantContext.runAs(shop.id(), () -> orders.cancel(OrderId.parse(number).orElseThrow(), "test-staff"));
		assertThat(balance(memberId)).as("the 300 used come back, the 290 earned go").isEqualTo(1_000);
		assertThat(TenantContext.callAs(shop.id(), () -> coupons.find("AKI500").orElseThrow().used())).isZero();
		assertThat(browser.get(base + "/account/orders/" + number).body()).contains("キャンセル");
	}

	@Test
	void aGuestCannotUsePointsAndAnotherMembersOrderIsNotFound() throws Exception {
		TestBrowser guest = new TestBrowser(port);
		CheckoutSteps.addToCart(guest, base, plate, 1);
		Map<String, String> form = CheckoutSteps.guestForm(Mails.uniqueRecipient("example.jp"));
		form.put("points", "100");
		HttpResponse<String> refused = CheckoutSteps.confirm(guest, base, form);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("ポイントは会員の方のみ");
		form.put("points", "");
		form.put("couponCode", "AKI500");
		assertThat(CheckoutSteps.confirm(guest, base, form).body()).as("3,300 is below the coupon's 5,000")
			.contains("5,000");
		form.put("couponCode", "");
		assertThat(CheckoutSteps.place(guest, base, CheckoutSteps.confirm(guest, base, form)).statusCode()).isEqualTo(303);
		String guestsOrder = TenantContext.callAs(shop.id(),
				() -> orders.list(OrderSearch.everything(), 0).get(0).id().number());

		String email = MemberFixtures.activeMember(members, environment, shop, PASSWORD);
		TestBrowser member = new TestBrowser(port);
		member.get(base + "/account/login");
		member.post(base + "/account/login", Map.of("email", email, "password", PASSWORD));
		HttpResponse<String> notTheirs = member.get(base + "/account/orders/" + guestsOrder);
		assertThat(notTheirs.statusCode()).isEqualTo(404);
		assertThat(notTheirs.body()).doesNotContain("山田");
		assertThat(TestBrowser.location(new TestBrowser(port).get(base + "/account/orders"))).endsWith("/account/login");
	}

	private long balance(long memberId) {
		return TenantContext.callAs(shop.id(), () -> points.balance(memberId));
	}

	/** The member's id, as the shop's newest member (the fixture's account is the one just made). */
	private long memberIdOf(TestBrowser browser) throws Exception {
		try (var connection = org.misemori.Databases.asSuperuser(environment);
				var query = connection.prepareStatement("SELECT max(id) FROM identity.member_account WHERE shop_id = ?")) {
			query.setLong(1, shop.id().value());
			try (var rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
