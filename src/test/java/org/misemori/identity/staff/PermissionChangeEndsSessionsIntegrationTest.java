package org.misemori.identity.staff;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.twofactor.TotpFixtures;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.misemori.TestBrowser.location;

/**
 * Rotation on privilege change, over real HTTP and real sessions in PostgreSQL: when the owner
 * changes what someone may do, that person's sessions end, and the next sign-in carries exactly
 * the new rights.
 */
@MisemoriIntegrationTest
class PermissionChangeEndsSessionsIntegrationTest {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	StaffAccounts staff;

	@Autowired
	StaffPermissionChanges changes;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Environment environment;

	@Autowired
	ShopVault vault;

	@Test
	void changedPermissionsEndTheHoldersSessionsAndApplyAtTheNextSignIn() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		String hash = passwords.encode(OperatorFixtures.PASSPHRASE);
		StaffFixtures.add(environment, vault, shop, "owner", "owner@kissa.example.jp", true, hash);
		StaffFixtures.add(environment, vault, shop, "clerk", "clerk@kissa.example.jp", false, hash, StaffPermission.ORDERS);

		TestBrowser clerk = new TestBrowser(port);
		signInWithPassword(clerk, shop);
		String secret = TestBrowser.find(SECRET, clerk.get("/admin/2fa/enrol"));
		clerk.post("/admin/2fa/enrol", Map.of("code", TotpFixtures.currentCode(secret)));
		assertThat(clerk.get("/admin/orders").statusCode()).isEqualTo(200);
		assertThat(clerk.get("/admin/products").statusCode()).isEqualTo(403);
		TestBrowser clerkElsewhere = new TestBrowser(port);
		signInWithPassword(clerkElsewhere, shop);

		StaffMember owner = staff.findForSignIn(shop.code().value(), "owner").orElseThrow();
		assertThat(changes.change(owner, "clerk", Set.of(StaffPermission.PRODUCTS))).isTrue();

		// Both sessions are gone: the next request asks for a sign-in.
		assertThat(location(clerk.get("/admin/orders"))).endsWith("/admin/login");
		assertThat(location(clerkElsewhere.get("/admin/2fa"))).endsWith("/admin/login");

		signInWithPassword(clerk, shop);
		clerk.get("/admin/2fa");
		HttpResponse<String> in = clerk.post("/admin/2fa", Map.of("code", TotpFixtures.codeStepsAhead(secret, 1)));
		assertThat(location(in)).contains("/admin").doesNotContain("/admin/2fa").doesNotContain("/admin/login");
		assertThat(clerk.get("/admin/products").statusCode()).isEqualTo(200);
		assertThat(clerk.get("/admin/orders").statusCode()).isEqualTo(403);
	}

	@Test
	void savingTheSamePermissionsEndsNothing() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		String hash = passwords.encode(OperatorFixtures.PASSPHRASE);
		StaffFixtures.add(environment, vault, shop, "owner", "owner@kissa.example.jp", true, hash);
		StaffFixtures.add(environment, vault, shop, "clerk", "clerk@kissa.example.jp", false, hash, StaffPermission.ORDERS);
		TestBrowser clerk = new TestBrowser(port);
		signInWithPassword(clerk, shop);

		StaffMember owner = staff.findForSignIn(shop.code().value(), "owner").orElseThrow();
		assertThat(changes.change(owner, "clerk", Set.of(StaffPermission.ORDERS))).isFalse();
		assertThat(clerk.get("/admin/2fa/enrol").statusCode()).isEqualTo(200);
	}

	private static void signInWithPassword(TestBrowser browser, Shop shop) throws Exception {
		browser.get("/admin/login");
		HttpResponse<String> signedIn = browser.post("/admin/login",
				Map.of("shopCode", shop.code().value(), "loginId", "clerk", "password", OperatorFixtures.PASSPHRASE));
		// Straight to the admin, or back to the page that asked for the sign-in.
		assertThat(location(signedIn)).contains("/admin").doesNotContain("/admin/login");
	}

}
