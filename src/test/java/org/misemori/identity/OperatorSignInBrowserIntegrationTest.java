package org.misemori.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misemori.BrowserForms;
import org.misemori.Chromium;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.domain.OperatorSetup;
import org.misemori.identity.twofactor.TotpFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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

	BrowserForms forms;

	@BeforeEach
	void freshPlatformAndBrowser() throws Exception {
		OperatorFixtures.noOperatorYet(environment);
		browser = Chromium.start(profile, "ja");
		forms = new BrowserForms(browser);
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
		forms.type("loginId", "ops.sakura");
		fillIfPresent("email", "sakura@ops.example.jp");
		forms.type("password", OperatorFixtures.PASSPHRASE);
		forms.type("confirmation", OperatorFixtures.PASSPHRASE);
		forms.submit();
		assertThat(forms.text("main")).contains("運営者アカウントを作成しました");

		signIn();
		forms.waitFor("#totp-secret");
		assertThat(browser.getCurrentUrl()).endsWith("/operator/2fa/enrol");
		Chromium.screenshot(browser, "operator-2fa-enrol");
		String secret = browser.findElement(By.id("totp-secret")).getText();
		forms.type("code", TotpFixtures.currentCode(secret));
		forms.submit();
		forms.waitFor("#recovery-codes");
		assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		WebElement continueLink = browser.findElement(By.id("continue"));
		continueLink.click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(Chromium.gone(continueLink));
		assertThat(forms.text("h1")).isEqualTo("ショップ一覧");

		WebElement signOut = browser.findElement(By.cssSelector("form[action$='/operator/logout'] button"));
		signOut.click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(Chromium.gone(signOut));
		assertThat(forms.text("main")).contains("ログアウトしました");

		signIn();
		assertThat(browser.getCurrentUrl()).contains("/operator/2fa");
		forms.type("code", "000000");
		forms.submit();
		assertThat(forms.waitFor(".error").getText()).contains("コードが正しくないか");
		forms.type("code", TotpFixtures.codeStepsAhead(secret, 1));
		forms.submit();
		assertThat(forms.text("h1")).isEqualTo("ショップ一覧");
	}

	private void signIn() {
		open("/operator/login");
		forms.type("username", "ops.sakura");
		forms.type("password", OperatorFixtures.PASSPHRASE);
		forms.submit();
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	private void fillIfPresent(String name, String value) {
		List<WebElement> fields = browser.findElements(By.name(name));
		if (!fields.isEmpty()) {
			fields.get(0).sendKeys(value);
		}
	}

}
