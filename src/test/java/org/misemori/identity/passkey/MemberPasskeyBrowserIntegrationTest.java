package org.misemori.identity.passkey;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misemori.BrowserForms;
import org.misemori.Chromium;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.member.MemberAccounts;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shopper registers a passkey on their my page, signs out and signs back in with the passkey
 * alone; the same passkey shown at another shop signs nobody in there.
 */
@MisemoriIntegrationTest
class MemberPasskeyBrowserIntegrationTest {

	private static final String PASSWORD = "さくらんぼ大好き2026";

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

	BrowserForms forms;

	VirtualAuthenticator authenticator;

	Shop shop;

	Shop otherShop;

	String email;

	@BeforeEach
	void twoShopsAnActiveMemberAndABrowserWithAnAuthenticator() throws Exception {
		browser = Chromium.start(profile, "ja");
		forms = new BrowserForms(browser);
		authenticator = browser.addVirtualAuthenticator(PasskeyBrowser.authenticatorOptions());
		shop = ShopFixtures.kissaShop(administration);
		otherShop = ShopFixtures.zakkaShop(administration);
		email = Mails.uniqueRecipient("example.jp");
		activeMember(shop, email);
		activeMember(otherShop, email);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void memberRegistersAPasskeyAndSignsInWithItAtTheirShopOnly() throws Exception {
		browser.get(url(shop, "/account/login"));
		forms.type("email", email);
		forms.type("password", PASSWORD);
		forms.click(By.cssSelector("main form button[type=submit]"));
		forms.click(By.id("passkeys-link"));
		forms.type("label", "わたしのスマホ");
		browser.findElement(By.cssSelector("#passkey-register button[type=submit]")).click();
		assertThat(forms.waitFor("#passkey-list").getText()).contains("わたしのスマホ");
		assertThat(authenticator.getCredentials()).hasSize(1);

		browser.get(url(shop, "/account"));
		forms.click(By.cssSelector("form[action$='/account/logout'] button"));

		// The same shopper has an account at the other shop too, but the passkey is this shop's.
		browser.get(url(otherShop, "/account/login"));
		browser.findElement(By.id("passkey-sign-in")).click();
		assertThat(forms.waitFor("#passkey-error").getText()).contains("パスキーでログインできませんでした");
		browser.get(url(otherShop, "/account"));
		assertThat(browser.getCurrentUrl()).endsWith("/account/login");

		browser.get(url(shop, "/account/login"));
		String sessionBefore = browser.manage().getCookieNamed("MISEMORI_SESSION").getValue();
		browser.findElement(By.id("passkey-sign-in")).click();
		assertThat(forms.waitFor("#member-email").getText()).contains(email);
		assertThat(browser.manage().getCookieNamed("MISEMORI_SESSION").getValue())
			.as("a new session id on signing in with a passkey")
			.isNotEqualTo(sessionBefore);
		Chromium.screenshot(browser, "member-signed-in-with-passkey");
	}

	private void activeMember(Shop where, String address) throws Exception {
		String hash = members.checkSignUp(address, PASSWORD, PASSWORD);
		TenantContext.runAs(where.id(), () -> members.completeSignUp(where, address, hash));
		try (Connection owner = Databases.asCrossShopRole(environment);
				PreparedStatement activate = owner
					.prepareStatement("UPDATE identity.member_account SET status = 'ACTIVE' WHERE shop_id = ?")) {
			activate.setLong(1, where.id().value());
			activate.executeUpdate();
		}
	}

	private String url(Shop where, String path) {
		return "http://localhost:" + port + "/s/" + where.code() + path;
	}

}
