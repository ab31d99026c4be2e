package org.misemori.storefront;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.identity.member.MemberAccounts;
import org.misemori.identity.member.MemberFixtures;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.misemori.TestBrowser.location;

/**
 * Storefront pages carry a CSRF token for their forms, kept in a cookie: an anonymous shopper
 * browsing writes no session row, and signing in (or out) still replaces the token.
 */
@MisemoriIntegrationTest
class StorefrontSessionsIntegrationTest {

	private static final String PASSWORD = "縁側で読む古い地図";

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	MemberAccounts members;

	@Autowired
	Environment environment;

	@Test
	void anonymousPageViewsWriteNoSession() throws Exception {
		long before = sessionRows();
		TestBrowser browser = new TestBrowser(port);
		HttpResponse<String> product = browser.get("/s/demo/products/nanbu-tetsubin");
		List<HttpResponse<String>> others = List.of(browser.get("/s/demo/"), browser.get("/s/demo/collections/tea"),
				browser.get("/s/demo/search?q=" + URLEncoder.encode("茶", StandardCharsets.UTF_8)), browser.get("/s/demo/cart"));

		assertThat(product.statusCode()).isEqualTo(200);
		assertThat(product.body()).contains("name=\"_csrf\"");
		assertThat(product.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("MISEMORI_SESSION="))
			.anySatisfy(c -> assertThat(c).startsWith("misemori_csrf=")
				.contains("HttpOnly")
				.containsIgnoringCase("SameSite=Lax")
				.contains("Path=/"));
		assertThat(others).allSatisfy(page -> assertThat(page.statusCode()).isEqualTo(200));
		assertThat(browser.cookie("MISEMORI_SESSION")).isEmpty();
		assertThat(sessionRows()).isEqualTo(before);
	}

	@Test
	void signingInAndOutReplacesTheTokenAndTheOldOneNoLongerWorks() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		String base = "/s/" + shop.code() + "/account";
		String email = MemberFixtures.activeMember(members, environment, shop, PASSWORD);
		TestBrowser browser = new TestBrowser(port);
		browser.get(base + "/login");
		String anonymous = browser.cookie("misemori_csrf").orElseThrow();

		assertThat(location(browser.post(base + "/login", Map.of("email", email, "password", PASSWORD)))).endsWith(base);
		String signedIn = browser.cookie("misemori_csrf").orElseThrow();
		assertThat(signedIn).isNotEqualTo(anonymous);
		// The last page is still the sign-in page: its form carries the token from before sign-in.
		assertThat(browser.post(base + "/logout", Map.of()).statusCode()).isEqualTo(403);

		assertThat(browser.get(base).statusCode()).isEqualTo(200);
		assertThat(location(browser.post(base + "/logout", Map.of()))).endsWith("/s/" + shop.code() + "/");
		assertThat(browser.cookie("misemori_csrf").orElseThrow()).isNotEqualTo(signedIn);
	}

	private long sessionRows() throws SQLException {
		try (Connection owner = Databases.asOwner(environment); Statement statement = owner.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM identity.spring_session")) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
