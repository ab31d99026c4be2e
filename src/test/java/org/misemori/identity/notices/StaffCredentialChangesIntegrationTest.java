package org.misemori.identity.notices;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffFixtures;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.misemori.TestBrowser.location;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A staff member changes their own password and address: step-up, checks, mails, other sessions ended. */
@MisemoriIntegrationTest
class StaffCredentialChangesIntegrationTest {

	private static final String NEW_PASSWORD = "a quiet shop by the river 2026";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	ShopAdministration administration;

	@Autowired
	StaffAccounts staff;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Environment environment;

	@Autowired
	ShopVault vault;

	@Autowired
	GreenMail mailServer;

	Shop shop;

	String email;

	@BeforeEach
	void staffMember() throws Exception {
		shop = ShopFixtures.kissaShop(administration);
		email = Mails.uniqueRecipient("kissa.example.jp");
		StaffFixtures.add(environment, vault, shop, "hana", email, false, passwords.encode(OperatorFixtures.PASSPHRASE),
				StaffPermission.ORDERS);
	}

	@Test
	void aPasswordChangeMailsTheHolderOnceAndEndsTheirOtherSessions() throws Exception {
		TestBrowser elsewhere = new TestBrowser(port);
		elsewhere.get("/admin/login");
		assertThat(location(elsewhere.post("/admin/login", Map.of("shopCode", shop.code().value(), "loginId", "hana",
				"password", OperatorFixtures.PASSPHRASE)))).endsWith("/admin");

		mvc.perform(post("/admin/account/password").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "hana"))
			.param("current", OperatorFixtures.PASSPHRASE)
			.param("password", NEW_PASSWORD)
			.param("confirmation", NEW_PASSWORD)).andExpect(redirectedUrl("/admin/account"));

		assertThat(passwords.matches(NEW_PASSWORD, staff.findForSignIn(shop.code().value(), "hana").orElseThrow().getPassword()))
			.isTrue();
		var mails = ChangeMails.settled(mailServer, email, "パスワードが変更されました");
		assertThat(mails).hasSize(1);
		assertThat(Mails.textOf(mails.get(0))).contains("アカウント hana のパスワード", "ショップのオーナー",
				"The password of account hana was changed");
		assertThat(location(elsewhere.get("/admin/2fa"))).endsWith("/admin/login");
	}

	@Test
	void badInputIsRefusedWithItsReasonAndChangesNothing() throws Exception {
		mvc.perform(post("/admin/account/password").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "hana"))
			.param("current", "not my password at all, sorry")
			.param("password", NEW_PASSWORD)
			.param("confirmation", NEW_PASSWORD))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("現在のパスワードが正しくありません。")));
		mvc.perform(post("/admin/account/password").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "hana"))
			.header("Accept-Language", "en")
			.param("current", "x".repeat(1_000_000))
			.param("password", NEW_PASSWORD)
			.param("confirmation", NEW_PASSWORD))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The current password is not correct.")));
		mvc.perform(post("/admin/account/password").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "hana"))
			.param("current", OperatorFixtures.PASSPHRASE)
			.param("password", "correct horse battery staple")
			.param("confirmation", "correct horse battery staple"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("漏えいしたパスワードやよく使われるパスワードの一覧に含まれている")));
		String huge = "長".repeat(1_000_000);
		mvc.perform(post("/admin/account/password").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "hana"))
			.header("Accept-Language", "en")
			.param("current", OperatorFixtures.PASSPHRASE)
			.param("password", huge)
			.param("confirmation", huge))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("128")));
		mvc.perform(post("/admin/account/email").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "hana"))
			.param("email", "not-an-address"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("メールアドレスの形式が正しくありません。")));
		assertThat(passwords.matches(OperatorFixtures.PASSPHRASE,
				staff.findForSignIn(shop.code().value(), "hana").orElseThrow().getPassword())).isTrue();
		assertThat(ChangeMails.matching(mailServer, email, "変更されました")).isEmpty();
	}

	@Test
	void bothChangesWantARecentCode() throws Exception {
		Instant old = Instant.now().minus(Duration.ofMinutes(6));
		mvc.perform(post("/admin/account/password").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "hana", old))
			.param("current", OperatorFixtures.PASSPHRASE)
			.param("password", NEW_PASSWORD)
			.param("confirmation", NEW_PASSWORD)).andExpect(redirectedUrl("/admin/2fa?stepup"));
		mvc.perform(post("/admin/account/email").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "hana", old))
			.param("email", "new@kissa.example.jp")).andExpect(redirectedUrl("/admin/2fa?stepup"));
	}

	@Test
	void anEmailChangeMailsTheOldAddressAndConfirmsToTheNew() throws Exception {
		String newEmail = Mails.uniqueRecipient("mail.example.jp");
		mvc.perform(post("/admin/account/email").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "hana"))
			.param("email", newEmail)).andExpect(redirectedUrl("/admin/account"));

		var toOld = ChangeMails.settled(mailServer, email, "メールアドレスが変更されました");
		assertThat(toOld).hasSize(1);
		assertThat(Mails.textOf(toOld.get(0))).contains("u-***@mail.example.jp", "127.0.0.1", "ショップのオーナー")
			.doesNotContain(newEmail);
		MimeMessage toNew = ChangeMails.settled(mailServer, newEmail, "メールアドレスの変更が完了しました").get(0);
		assertThat(ChangeMails.matching(mailServer, newEmail, "")).hasSize(1);
		assertThat(Mails.textOf(toNew)).contains("hana");
		// Later notices go to the new address.
		assertThat(staff.mailAddressOf(org.misemori.identity.lockout.AccountKey.staff(shop.id().value(), "hana")))
			.hasValue(newEmail);
	}


}
