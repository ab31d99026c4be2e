package org.misemori.cart;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.Variant;
import org.misemori.identity.member.MemberAccounts;
import org.misemori.identity.member.MemberFixtures;
import org.misemori.ordering.CheckoutSteps;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in member's cart is theirs, over real HTTP: it follows them to another browser, takes
 * in the lines they put in as a guest before signing in, stays with them when they sign out, and
 * is never seen by another member or a guest.
 */
@MisemoriIntegrationTest
class MemberCartIntegrationTest {

	private static final String PASSWORD = "庭の柿が今年も赤くなる";

	/** Only a cart with lines has the form to change them. */
	private static final String CART_FORM = "class=\"cart-form\"";

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	Catalog catalog;

	@Autowired
	MemberAccounts members;

	@Autowired
	Environment environment;

	Shop shop;

	String base;

	Variant plate;

	Variant cup;

	@BeforeEach
	void aShopWithTwoProducts() {
		shop = ShopFixtures.zakkaShop(administration);
		base = "/s/" + shop.code().value();
		plate = CheckoutSteps.product(catalog, shop, CatalogFixtures.publishedProduct(catalog, shop, "波佐見焼の皿", 3_300, 200));
		cup = CheckoutSteps.product(catalog, shop, CatalogFixtures.publishedProduct(catalog, shop, "有田焼の湯呑", 1_100, 200));
	}

	@Test
	void theCartAddedToOnOneBrowserIsOnTheOtherOnceSignedInAndChecksOutThere() throws Exception {
		String email = MemberFixtures.activeMember(members, environment, shop, PASSWORD);
		TestBrowser phone = new TestBrowser(port);
		signIn(phone, email);
		CheckoutSteps.addToCart(phone, base, plate, 2);
		assertThat(memberCarts()).isEqualTo(1);

		TestBrowser laptop = new TestBrowser(port);
		assertThat(laptop.get(base + "/cart").body()).as("not before signing in").doesNotContain("波佐見焼の皿");
		signIn(laptop, email);
		assertThat(laptop.get(base + "/cart").body()).contains("波佐見焼の皿", "<span class=\"cart-subtotal\">¥6,600</span>");
		HttpResponse<String> checkout = laptop.get(base + "/checkout");
		assertThat(checkout.statusCode()).as("checkout finds the member's cart, not an empty one").isEqualTo(200);
		assertThat(checkout.body()).contains("波佐見焼の皿");

		// A change on one browser is on the other.
		CheckoutSteps.addToCart(laptop, base, cup, 1);
		assertThat(phone.get(base + "/cart").body()).contains("有田焼の湯呑", "<span class=\"cart-subtotal\">¥7,700</span>");
		assertThat(memberCarts()).isEqualTo(1);
	}

	@Test
	void whatAGuestPutInIsAddedToTheMembersCartAtSignInCappedAt99() throws Exception {
		String email = MemberFixtures.activeMember(members, environment, shop, PASSWORD);
		TestBrowser phone = new TestBrowser(port);
		signIn(phone, email);
		CheckoutSteps.addToCart(phone, base, plate, 2);

		TestBrowser laptop = new TestBrowser(port);
		CheckoutSteps.addToCart(laptop, base, plate, 98);
		CheckoutSteps.addToCart(laptop, base, cup, 3);
		assertThat(guestCarts()).isEqualTo(1);
		signIn(laptop, email);

		assertThat(laptop.get(base + "/cart").body()).contains("value=\"99\"", "value=\"3\"",
				// 99 × 3,300 + 3 × 1,100
				"<span class=\"cart-subtotal\">¥330,000</span>");
		assertThat(guestCarts()).as("the guest cart is dropped once merged").isZero();
		assertThat(memberCarts()).isEqualTo(1);
		assertThat(phone.get(base + "/cart").body()).contains("<span class=\"cart-subtotal\">¥330,000</span>");
		// Looking again merges nothing twice.
		assertThat(laptop.get(base + "/cart").body()).contains("<span class=\"cart-subtotal\">¥330,000</span>");
	}

	@Test
	void aGuestCartBecomesTheMembersWhenTheyHadNone() throws Exception {
		String email = MemberFixtures.activeMember(members, environment, shop, PASSWORD);
		TestBrowser browser = new TestBrowser(port);
		CheckoutSteps.addToCart(browser, base, cup, 2);
		signIn(browser, email);
		assertThat(browser.get(base + "/cart").body()).contains("<span class=\"cart-subtotal\">¥2,200</span>");
		assertThat(guestCarts()).isZero();
		assertThat(memberCarts()).isEqualTo(1);
		TestBrowser another = new TestBrowser(port);
		signIn(another, email);
		assertThat(another.get(base + "/cart").body()).contains("<span class=\"cart-subtotal\">¥2,200</span>");
	}

	@Test
	void anotherMemberAndGuestsNeverSeeItAndSigningOutLeavesItWithTheMember() throws Exception {
		String hanako = MemberFixtures.activeMember(members, environment, shop, PASSWORD);
		String taro = MemberFixtures.activeMember(members, environment, shop, PASSWORD);
		TestBrowser shared = new TestBrowser(port);
		signIn(shared, hanako);
		CheckoutSteps.addToCart(shared, base, plate, 2);
		String cookie = shared.cookie("misemori_cart_" + shop.id().value()).orElseThrow();

		TestBrowser taros = new TestBrowser(port);
		signIn(taros, taro);
		assertThat(taros.get(base + "/cart").body()).doesNotContain(CART_FORM).doesNotContain("波佐見焼の皿");
		assertThat(new TestBrowser(port).get(base + "/cart").body()).doesNotContain(CART_FORM);

		// Signed out, the same browser (still holding the cookie) is a guest: the cart stays hanako's.
		signOut(shared);
		assertThat(shared.cookie("misemori_cart_" + shop.id().value())).contains(cookie);
		assertThat(shared.get(base + "/cart").body()).doesNotContain(CART_FORM).doesNotContain("波佐見焼の皿");
		assertThat(shared.get(base + "/checkout").statusCode()).as("an empty cart goes back to the cart page").isEqualTo(303);
		// Taro signing in on that browser gets his own (empty) cart, not hers.
		signIn(shared, taro);
		assertThat(shared.get(base + "/cart").body()).doesNotContain(CART_FORM);
		signOut(shared);
		// Hanako signing in again finds it where she left it.
		signIn(shared, hanako);
		assertThat(shared.get(base + "/cart").body()).contains("波佐見焼の皿", "<span class=\"cart-subtotal\">¥6,600</span>");
		assertThat(memberCarts()).isEqualTo(1);
	}

	private void signIn(TestBrowser browser, String email) throws Exception {
		browser.get(base + "/account/login");
		HttpResponse<String> signedIn = browser.post(base + "/account/login", Map.of("email", email, "password", PASSWORD));
		assertThat(TestBrowser.location(signedIn)).endsWith(base + "/account");
	}

	private void signOut(TestBrowser browser) throws Exception {
		assertThat(browser.get(base + "/account").statusCode()).isEqualTo(200);
		assertThat(browser.post(base + "/account/logout", Map.of()).statusCode()).isEqualTo(302);
	}

	private int guestCarts() throws SQLException {
		return carts("SELECT count(*) FROM cart.cart WHERE shop_id = ? AND member_id IS NULL");
	}

	private int memberCarts() throws SQLException {
		return carts("SELECT count(*) FROM cart.cart WHERE shop_id = ? AND member_id IS NOT NULL");
	}

	private int carts(String sql) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection.prepareStatement(sql)) {
			select.setLong(1, shop.id().value());
			try (ResultSet rows = select.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

}
