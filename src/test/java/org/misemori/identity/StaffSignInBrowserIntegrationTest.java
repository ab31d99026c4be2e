package org.misemori.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misemori.Chromium;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.staff.NewStaff;
import org.misemori.identity.staff.StaffAccounts;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new shop owner in a real browser: the invitation mail (read where a newcomer reads it, on
 * /dev/mail), choosing a password, the forced authenticator enrolment, signing out, and
 * signing in with password and code; a wrong code is refused.
 */
@MisemoriIntegrationTest
class StaffSignInBrowserIntegrationTest {

	private static final String PASSPHRASE = "みどりの喫茶店で朝いちばんのコーヒーを淹れる";

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	StaffAccounts staff;

	@TempDir
	Path profile;

	ChromeDriver browser;

	Shop shop;

	@BeforeEach
	void shopWithAnInvitedOwner() {
		browser = Chromium.start(profile, "ja");
		shop = ShopFixtures.kissaShop(administration);
		staff.invite(shop.code().value(), new NewStaff("midori", "緑川 みどり", "midori@kissa.example.jp", true),
				"ops.test");
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void invitedOwnerSetsAPasswordEnrolsTotpAndSignsInWithIt() throws Exception {
		browser.get(invitationLinkFromDevMail());
		type("password", PASSPHRASE);
		type("confirmation", PASSPHRASE);
		submit();
		assertThat(text("main")).contains("パスワードを設定しました");

		signIn();
		assertThat(browser.getCurrentUrl()).as(browser.getPageSource()).endsWith("/admin/2fa/enrol");
		waitFor("#totp-secret");
		assertThat(browser.getCurrentUrl()).endsWith("/admin/2fa/enrol");
		Chromium.screenshot(browser, "admin-2fa-enrol");
		String secret = browser.findElement(By.id("totp-secret")).getText();
		type("code", TotpFixtures.currentCode(secret));
		submit();
		waitFor("#recovery-codes");
		click(By.id("continue"));
		assertThat(text("main")).contains(shop.code() + "/midori");

		click(By.cssSelector("form[action$='/admin/logout'] button"));
		assertThat(text("main")).contains("ログアウトしました");

		signIn();
		assertThat(browser.getCurrentUrl()).contains("/admin/2fa");
		type("code", "000000");
		submit();
		assertThat(text(".error")).contains("コードが正しくないか");
		type("code", TotpFixtures.codeStepsAhead(secret, 1));
		submit();
		assertThat(text("h1")).isEqualTo("ショップ管理");
		Chromium.screenshot(browser, "admin-dashboard");

		// The owner may grant every permission when inviting staff.
		click(By.cssSelector("a[href='/admin/staff']"));
		assertThat(browser.findElements(By.cssSelector("input[name='permissions'][type='checkbox']"))).hasSize(7);
		browser.executeScript("document.querySelector('fieldset').scrollIntoView()");
		Chromium.screenshot(browser, "admin-staff");
	}

	private String invitationLinkFromDevMail() {
		Pattern link = Pattern.compile("(http://localhost:\\d+/admin/invitation\\?shop=" + shop.code()
				+ "&amp;token=[A-Za-z0-9_-]{43})");
		return new WebDriverWait(browser, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(500)).until(driver -> {
			driver.get("http://localhost:" + port + "/dev/mail");
			Matcher matcher = link.matcher(driver.getPageSource());
			return matcher.find() ? matcher.group(1).replace("&amp;", "&") : null;
		});
	}

	private void signIn() {
		browser.get("http://localhost:" + port + "/admin/login");
		type("shopCode", shop.code().value());
		type("loginId", "midori");
		type("password", PASSPHRASE);
		submit();
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
		return waitFor(css).getText();
	}

	private WebElement waitFor(String css) {
		return new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

}
