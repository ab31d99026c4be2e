package org.misemori.identity.passkey;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misemori.BrowserForms;
import org.misemori.Chromium;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.staff.NewStaff;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.twofactor.TotpFixtures;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shop owner in a real browser with Chrome's virtual authenticator (CTAP2, built-in, resident
 * keys, user verification): enrols TOTP as the first sign-in demands, registers a passkey on
 * the security page, signs out, and signs in with password and passkey, no code.
 */
@MisemoriIntegrationTest
class StaffPasskeyBrowserIntegrationTest {

	private static final String PASSPHRASE = "みどりの喫茶店で朝いちばんのコーヒーを淹れる";

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	StaffAccounts staff;

	@Autowired
	GreenMail mailServer;

	@TempDir
	Path profile;

	ChromeDriver browser;

	BrowserForms forms;

	VirtualAuthenticator authenticator;

	Shop shop;

	String email;

	@BeforeEach
	void shopWithAnInvitedOwnerAndABrowserWithAPasskeyAuthenticator() {
		browser = Chromium.start(profile, "ja");
		forms = new BrowserForms(browser);
		authenticator = browser.addVirtualAuthenticator(PasskeyBrowser.authenticatorOptions());
		shop = ShopFixtures.kissaShop(administration);
		email = Mails.uniqueRecipient("kissa.example.jp");
		staff.invite(shop.code().value(), new NewStaff("midori", "緑川 みどり", email, true), "ops.test");
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void ownerRegistersAPasskeyAndSignsInWithPasswordAndPasskey() throws Exception {
		browser.get(invitationLinkFromDevMail());
		forms.type("password", PASSPHRASE);
		forms.type("confirmation", PASSPHRASE);
		forms.submit();
		signIn();
		forms.waitFor("#totp-secret");
		forms.type("code", TotpFixtures.currentCode(browser.findElement(By.id("totp-secret")).getText()));
		forms.submit();
		forms.click(By.id("continue"));

		forms.click(By.id("passkeys-link"));
		assertThat(browser.getCurrentUrl()).endsWith("/admin/security");
		forms.type("label", "仕事用ノート");
		browser.findElement(By.cssSelector("#passkey-register button[type=submit]")).click();
		forms.waitFor("#passkey-list");
		assertThat(forms.text("#passkey-list")).contains("仕事用ノート");
		assertThat(authenticator.getCredentials()).hasSize(1);
		Chromium.screenshot(browser, "admin-passkeys");
		assertThat(mailsWithSubject("パスキーが登録されました")).hasSize(1);

		browser.get("http://localhost:" + port + "/admin");
		forms.click(By.cssSelector("form[action$='/admin/logout'] button"));
		signIn();
		assertThat(browser.getCurrentUrl()).contains("/admin/2fa");
		Chromium.screenshot(browser, "admin-2fa-with-passkey");
		String sessionBefore = browser.manage().getCookieNamed("MISEMORI_SESSION").getValue();
		browser.findElement(By.id("passkey-sign-in")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.tagName("h1"), "ショップ管理"));
		assertThat(browser.manage().getCookieNamed("MISEMORI_SESSION").getValue())
			.as("a new session id once the passkey raised the sign-in")
			.isNotEqualTo(sessionBefore);
		assertThat(browser.getCurrentUrl()).matches(".*/admin(\\?continue)?");
		assertThat(forms.text("main")).contains(shop.code() + "/midori");
		// Still exactly one notice: signing in is not a change.
		assertThat(mailsWithSubject("パスキーが登録されました")).hasSize(1);
	}

	private List<MimeMessage> mailsWithSubject(String subject) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> Mails.receivedBy(mailServer, email).stream().filter(m -> subjectOf(m).contains(subject)).toList(),
					found -> !found.isEmpty());
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			return "";
		}
	}

	private String invitationLinkFromDevMail() {
		Pattern link = Pattern.compile("(http://localhost:\\d+/admin/invitation\\?shop=" + shop.code()
				+ "&amp;token=[A-Za-z0-9_-]{43})");
		return forms.linkOnDevMail(port, link);
	}

	private void signIn() {
		browser.get("http://localhost:" + port + "/admin/login");
		forms.type("shopCode", shop.code().value());
		forms.type("loginId", "midori");
		forms.type("password", PASSPHRASE);
		forms.submit();
	}

}
