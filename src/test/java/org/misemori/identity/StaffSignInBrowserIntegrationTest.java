package org.misemori.identity;

import java.nio.file.Path;
import java.util.regex.Pattern;

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
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

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

	BrowserForms forms;

	Shop shop;

	@BeforeEach
	void shopWithAnInvitedOwner() {
		browser = Chromium.start(profile, "ja");
		forms = new BrowserForms(browser);
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
		forms.type("password", PASSPHRASE);
		forms.type("confirmation", PASSPHRASE);
		forms.submit();
		assertThat(forms.text("main")).contains("パスワードを設定しました");

		signIn();
		assertThat(browser.getCurrentUrl()).as(browser.getPageSource()).endsWith("/admin/2fa/enrol");
		forms.waitFor("#totp-secret");
		assertThat(browser.getCurrentUrl()).endsWith("/admin/2fa/enrol");
		Chromium.screenshot(browser, "admin-2fa-enrol");
		String secret = browser.findElement(By.id("totp-secret")).getText();
		forms.type("code", TotpFixtures.currentCode(secret));
		forms.submit();
		forms.waitFor("#recovery-codes");
		forms.click(By.id("continue"));
		assertThat(forms.text("main")).contains(shop.code() + "/midori");

		forms.click(By.cssSelector("form[action$='/admin/logout'] button"));
		assertThat(forms.text("main")).contains("ログアウトしました");

		signIn();
		assertThat(browser.getCurrentUrl()).contains("/admin/2fa");
		forms.type("code", "000000");
		forms.submit();
		assertThat(forms.text(".error")).contains("コードが正しくないか");
		forms.type("code", TotpFixtures.codeStepsAhead(secret, 1));
		forms.submit();
		assertThat(forms.text("h1")).isEqualTo("ショップ管理");
		Chromium.screenshot(browser, "admin-dashboard");

		// The owner may grant every permission when inviting staff.
		forms.click(By.cssSelector("a[href='/admin/staff']"));
		assertThat(browser.findElements(By.cssSelector("input[name='permissions'][type='checkbox']"))).hasSize(7);
		browser.executeScript("document.querySelector('fieldset').scrollIntoView()");
		Chromium.screenshot(browser, "admin-staff");
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
