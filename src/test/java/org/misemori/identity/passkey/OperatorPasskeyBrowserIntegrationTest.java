package org.misemori.identity.passkey;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misemori.BrowserForms;
import org.misemori.Chromium;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.domain.OperatorSetup;
import org.misemori.identity.twofactor.TotpFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator adds a passkey after the forced TOTP enrolment, deletes nothing, signs out and
 * comes back with password and passkey; the shop list opens without a code.
 */
@MisemoriIntegrationTest
class OperatorPasskeyBrowserIntegrationTest {

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
	void freshPlatformAndBrowserWithAnAuthenticator() throws Exception {
		OperatorFixtures.noOperatorYet(environment);
		browser = Chromium.start(profile, "ja");
		forms = new BrowserForms(browser);
		browser.addVirtualAuthenticator(PasskeyBrowser.authenticatorOptions());
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void operatorSignsInWithPasswordAndPasskey() throws Exception {
		setup.complete(setup.issueTokenIfNoOperator().orElseThrow(), "ops.kaede", "kaede@ops.example.jp",
				OperatorFixtures.PASSPHRASE, OperatorFixtures.PASSPHRASE);
		signIn();
		forms.waitFor("#totp-secret");
		forms.type("code", TotpFixtures.currentCode(browser.findElement(By.id("totp-secret")).getText()));
		forms.click(By.cssSelector("main form button[type=submit]"));
		forms.click(By.id("continue"));

		forms.click(By.id("passkeys-link"));
		forms.type("label", "運営用キー");
		browser.findElement(By.cssSelector("#passkey-register button[type=submit]")).click();
		assertThat(forms.waitFor("#passkey-list").getText()).contains("運営用キー");

		open("/operator");
		forms.click(By.cssSelector("form[action$='/operator/logout'] button"));
		signIn();
		assertThat(browser.getCurrentUrl()).contains("/operator/2fa");
		browser.findElement(By.id("passkey-sign-in")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.tagName("h1"), "ショップ一覧"));
	}

	private void signIn() {
		open("/operator/login");
		forms.type("username", "ops.kaede");
		forms.type("password", OperatorFixtures.PASSPHRASE);
		forms.click(By.cssSelector("main form button[type=submit]"));
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

}
