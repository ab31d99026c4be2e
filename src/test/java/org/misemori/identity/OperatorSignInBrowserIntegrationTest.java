package org.misemori.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misemori.Chromium;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.domain.OperatorSetup;
import org.misemori.identity.twofactor.TotpFixtures;
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
 * The first operator, in a real browser: opens the setup link, chooses credentials, is made to
 * set up an authenticator, signs out, and signs in again with password and code; a wrong code
 * is refused. The pages run under the real CSP, so a blocked style or script would show here.
 */
@MisemoriIntegrationTest
class OperatorSignInBrowserIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	OperatorSetup setup;

	@Autowired
	Environment environment;

	@TempDir
	Path profile;

	ChromeDriver browser;

	@BeforeEach
	void freshPlatformAndBrowser() throws Exception {
		OperatorFixtures.noOperatorYet(environment);
		browser = Chromium.start(profile, "ja");
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void firstOperatorSetsUpSignsOutAndSignsInWithASecondFactor() throws Exception {
		open("/operator/setup?token=" + setup.issueTokenIfNoOperator().orElseThrow());
		type("loginId", "ops.sakura");
		fillIfPresent("email", "sakura@ops.example.jp");
		type("password", OperatorFixtures.PASSPHRASE);
		type("confirmation", OperatorFixtures.PASSPHRASE);
		submit();
		assertThat(text("main")).contains("運営者アカウントを作成しました");

		signIn();
		waitFor("#totp-secret");
		assertThat(browser.getCurrentUrl()).endsWith("/operator/2fa/enrol");
		Chromium.screenshot(browser, "operator-2fa-enrol");
		String secret = browser.findElement(By.id("totp-secret")).getText();
		type("code", TotpFixtures.currentCode(secret));
		submit();
		waitFor("#recovery-codes");
		assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		WebElement continueLink = browser.findElement(By.id("continue"));
		continueLink.click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(Chromium.gone(continueLink));
		assertThat(text("h1")).isEqualTo("ショップ一覧");

		WebElement signOut = browser.findElement(By.cssSelector("form[action$='/operator/logout'] button"));
		signOut.click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(Chromium.gone(signOut));
		assertThat(text("main")).contains("ログアウトしました");

		signIn();
		assertThat(browser.getCurrentUrl()).contains("/operator/2fa");
		type("code", "000000");
		submit();
		assertThat(waitFor(".error").getText()).contains("コードが正しくないか");
		type("code", TotpFixtures.codeStepsAhead(secret, 1));
		submit();
		assertThat(text("h1")).isEqualTo("ショップ一覧");
	}

	private void signIn() {
		open("/operator/login");
		type("username", "ops.sakura");
		type("password", OperatorFixtures.PASSPHRASE);
		submit();
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	private void type(String name, String value) {
		WebElement field = browser.findElement(By.name(name));
		field.clear();
		field.sendKeys(value);
	}

	private void fillIfPresent(String name, String value) {
		List<WebElement> fields = browser.findElements(By.name(name));
		if (!fields.isEmpty()) {
			fields.get(0).sendKeys(value);
		}
	}

	/** Submits and waits until the browser has left the page it submitted from. */
	private void submit() {
		WebElement button = browser.findElement(By.cssSelector("main form button[type=submit]"));
		button.click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(Chromium.gone(button));
	}

	/** The page's text in the element, once the navigation a click started has arrived. */
	private String text(String css) {
		return waitFor(css).getText();
	}

	private WebElement waitFor(String css) {
		return new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

}
