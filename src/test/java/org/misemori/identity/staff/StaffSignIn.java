package org.misemori.identity.staff;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

import org.misemori.TestBrowser;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.twofactor.TotpFixtures;
import org.misemori.platform.Shop;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member signed in over real HTTP the way a person is: password, then an authenticator
 * enrolled on first sign-in (its code counts as the fresh second factor step-up asks for).
 * The staff member must have been added with {@link OperatorFixtures#PASSPHRASE}'s hash.
 */
public record StaffSignIn(TestBrowser browser, String secret) {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");

	public static StaffSignIn signIn(int port, Shop shop, String loginId) throws Exception {
		TestBrowser browser = new TestBrowser(port);
		browser.get("/admin/login");
		HttpResponse<String> signedIn = browser.post("/admin/login",
				Map.of("shopCode", shop.code().value(), "loginId", loginId, "password", OperatorFixtures.PASSPHRASE));
		assertThat(TestBrowser.location(signedIn)).contains("/admin").doesNotContain("/admin/login");
		String secret = TestBrowser.find(SECRET, browser.get("/admin/2fa/enrol"));
		browser.post("/admin/2fa/enrol", Map.of("code", TotpFixtures.currentCode(secret)));
		return new StaffSignIn(browser, secret);
	}

	/** Gives a fresh code on the step-up page; returns where it sends the browser back to. */
	public String stepUp(int stepsAhead) throws Exception {
		browser.get("/admin/2fa?stepup");
		return TestBrowser.location(browser.post("/admin/2fa", Map.of("code", TotpFixtures.codeStepsAhead(secret, stepsAhead))));
	}

}
