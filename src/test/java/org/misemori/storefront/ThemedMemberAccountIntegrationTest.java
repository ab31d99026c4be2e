package org.misemori.storefront;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.identity.member.MemberAccounts;
import org.misemori.identity.member.MemberFixtures;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.theme.ShopTheme;
import org.misemori.theme.ThemeFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.misemori.TestBrowser.location;

/**
 * A shopper's sign-in, sign-up and my page are drawn by the shop's theme: the owner's edit of
 * a template shows on the next request and signing in still works through it; the sign-up page
 * speaks English in English, with the shop's layout around it.
 */
@MisemoriIntegrationTest
class ThemedMemberAccountIntegrationTest {

	private static final String PASSWORD = "縁側で読む古い地図";

	private static final Pattern SCRIPT_TAG = Pattern.compile("<script[^>]*>");

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	MemberAccounts members;

	@Autowired
	ShopTheme themes;

	@Autowired
	Environment environment;

	@Autowired
	WebApplicationContext context;

	@Test
	void anOwnersEditOfTheSignInTemplateShowsAndSigningInStillWorks() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		Shop other = ShopFixtures.kissaShop(administration);
		String email = MemberFixtures.activeMember(members, environment, shop, PASSWORD);
		String base = "/s/" + shop.code() + "/account";
		String shipped = TenantContext.callAs(shop.id(), () -> themes.current("templates/account-login.liquid"))
			.map(ThemeFile::body)
			.orElseThrow();
		TenantContext.runAs(shop.id(), () -> themes.save("templates/account-login.liquid",
				"<p class=\"owner-welcome\">{{ shop.name }}の会員の方はこちら</p>\n" + shipped, "owner"));

		TestBrowser browser = new TestBrowser(port);
		HttpResponse<String> page = browser.get(base + "/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<p class=\"owner-welcome\">" + shop.name() + "の会員の方はこちら</p>",
				"class=\"site-header\"", "class=\"site-footer\"", "name=\"email\"", "name=\"password\"", "id=\"passkey-sign-in\"");
		assertThat(SCRIPT_TAG.matcher(page.body()).results().map(m -> m.group()).toList())
			.as("the one script is Misemori's passkey script, with this response's nonce")
			.singleElement()
			.satisfies(tag -> assertThat(tag).contains("src=\"/assets/js/passkeys.js\"",
					"nonce=\"" + page.headers().firstValue("Content-Security-Policy").orElseThrow()
						.replaceAll(".*'nonce-([^']+)'.*", "$1") + "\""));
		assertThat(new TestBrowser(port).get("/s/" + other.code() + "/account/login").body())
			.as("another shop's theme is its own").doesNotContain("owner-welcome").contains("id=\"passkey-sign-in\"");

		HttpResponse<String> wrong = browser.post(base + "/login", Map.of("email", email, "password", "not the password 1"));
		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(wrong.body()).contains("owner-welcome", "メールアドレスまたはパスワードが正しくありません")
			.doesNotContain("not the password 1");

		assertThat(location(browser.post(base + "/login", Map.of("email", email, "password", PASSWORD)))).endsWith(base);
		HttpResponse<String> myPage = browser.get(base);
		assertThat(myPage.statusCode()).isEqualTo(200);
		assertThat(myPage.body()).contains("<h1>マイページ</h1>", email, "class=\"site-header\"", base + "/orders\"",
				base + "/points\"", base + "/addresses\"", base + "/passkeys\"", base + "/two-factor\"", base + "/settings\"",
				"action=\"" + base + "/logout\"");
		assertThat(location(browser.post(base + "/logout", Map.of()))).endsWith("/s/" + shop.code() + "/");
		assertThat(location(browser.get(base))).endsWith(base + "/login");

		HttpResponse<String> refusedLink = browser.get(base + "/reset/confirm?token=no-such-token");
		assertThat(refusedLink.statusCode()).isEqualTo(410);
		assertThat(refusedLink.body()).contains("class=\"site-header\"", "このリンクは無効か、有効期限が切れているか");
	}

	@Test
	void theSignUpPageSpeaksEnglishAndKeepsWhatWasTypedButThePassword() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		String base = "/s/" + shop.code() + "/account";
		TestBrowser browser = new TestBrowser(port);
		HttpResponse<String> page = browser.get(base + "/register?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("lang=\"en\"", "<title>Create an account | " + shop.name() + "</title>",
				"<h1>Create an account</h1>", "Password (again)", "Create account and send confirmation mail",
				"class=\"site-footer\"", ">日本語</a>", "name=\"confirmation\"")
			.doesNotContain("会員登録");

		String email = "new.member@example.jp";
		HttpResponse<String> refused = browser.post(base + "/register",
				Map.of("email", email, "password", PASSWORD, "confirmation", PASSWORD + "x"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("The two passwords do not match.", "value=\"" + email + "\"")
			.doesNotContain(PASSWORD);

		HttpResponse<String> sent = browser.post(base + "/register",
				Map.of("email", email, "password", PASSWORD, "confirmation", PASSWORD));
		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(sent.body()).contains("<h1>Please check your mail</h1>", "lang=\"en\"").doesNotContain(PASSWORD);

		assertThat(browser.get(base + "/register?lang=ja").body()).contains("<h1>会員登録</h1>", "lang=\"ja\"");
	}

}
