package org.misemori.identity.web;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misemori.Chromium;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.member.MemberAccounts;
import org.misemori.identity.member.MemberFixtures;
import org.misemori.identity.twofactor.TotpFixtures;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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

	Shop shop;

	String email;

	@BeforeEach
	void aMemberAndABrowser() throws Exception {
		browser = Chromium.start(profile, "ja");
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
		assertThat(text("#member-email")).contains(email);
		click(By.id("two-factor-link"));
		click(By.id("two-factor-enable"));
		String secret = text("#totp-secret");
		Chromium.screenshot(browser, "member-2fa-enrol");
		type("code", TotpFixtures.currentCode(secret));
		type("password", PASSWORD);
		submit();
		assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		click(By.id("continue"));
		assertThat(text("#two-factor-status")).contains("有効です");

		browser.get(url("/account"));
		click(By.cssSelector("form[action$='/account/logout'] button"));
		signIn();
		assertThat(browser.getCurrentUrl()).endsWith("/account/two-factor/code");
		type("code", "000000");
		submit();
		assertThat(text(".error")).contains("コードが正しくないか");
		type("code", TotpFixtures.codeStepsAhead(secret, 1));
		submit();
		assertThat(text("#member-email")).contains(email);
		Chromium.screenshot(browser, "member-signed-in-with-code");
	}

	private void signIn() {
		browser.get(url("/account/login"));
		type("email", email);
		type("password", PASSWORD);
		submit();
	}

	private String url(String path) {
		return "http://localhost:" + port + "/s/" + shop.code() + path;
	}

	private void type(String name, String value) {
		WebElement field = browser.findElement(By.name(name));
		field.clear();
		field.sendKeys(value);
	}

	private void submit() {
		click(By.cssSelector("main form button[type=submit]"));
	}

	/** Clicks and waits until the browser has left the page. */
	private void click(By locator) {
		WebElement element = browser.findElement(locator);
		element.click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(Chromium.gone(element));
	}

	private String text(String css) {
		return new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)))
			.getText();
	}

}
