package org.misemori.identity.web;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misemori.BrowserForms;
import org.misemori.Chromium;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.member.MemberAccounts;
import org.misemori.identity.member.MemberFixtures;
import org.misemori.identity.twofactor.TotpFixtures;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shopper in a real browser (CSP, cookies, forms as a person submits them): turns on an
 * authenticator from their my page, signs out, and signs in again with password and code.
 */
@MisemoriIntegrationTest
class MemberTwoFactorBrowserIntegrationTest {

	private static final String PASSWORD = "はなの雑貨で春を待つ";

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	MemberAccounts members;

	@Autowired
	Environment environment;

	@TempDir
	Path profile;

	ChromeDriver browser;

	BrowserForms page;

	Shop shop;

	String email;

	@BeforeEach
	void aMemberAndABrowser() throws Exception {
		browser = Chromium.start(profile, "ja");
		page = new BrowserForms(browser);
		shop = ShopFixtures.zakkaShop(administration);
		email = MemberFixtures.activeMember(members, environment, shop, PASSWORD);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void memberTurnsOnTotpSignsOutAndSignsInWithACode() throws Exception {
		signIn();
		assertThat(page.text("#member-email")).contains(email);
		page.click(By.id("two-factor-link"));
		page.click(By.id("two-factor-enable"));
		String secret = page.text("#totp-secret");
		Chromium.screenshot(browser, "member-2fa-enrol");
		page.type("code", TotpFixtures.currentCode(secret));
		page.type("password", PASSWORD);
		page.submit();
		assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		page.click(By.id("continue"));
		assertThat(page.text("#two-factor-status")).contains("有効です");

		browser.get(url("/account"));
		page.click(By.cssSelector("form[action$='/account/logout'] button"));
		signIn();
		assertThat(browser.getCurrentUrl()).endsWith("/account/two-factor/code");
		page.type("code", "000000");
		page.submit();
		assertThat(page.text(".error")).contains("コードが正しくないか");
		page.type("code", TotpFixtures.codeStepsAhead(secret, 1));
		page.submit();
		assertThat(page.text("#member-email")).contains(email);
		Chromium.screenshot(browser, "member-signed-in-with-code");
	}

	private void signIn() {
		browser.get(url("/account/login"));
		page.type("email", email);
		page.type("password", PASSWORD);
		page.submit();
	}

	private String url(String path) {
		return "http://localhost:" + port + "/s/" + shop.code() + path;
	}

}
