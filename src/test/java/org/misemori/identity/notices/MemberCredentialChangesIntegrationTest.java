package org.misemori.identity.notices;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.identity.member.MemberFixtures;
import org.misemori.identity.member.MemberProfile;
import org.misemori.identity.member.MemberProfiles;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.misemori.TestBrowser.location;

/**
 * A member changes their password and address on the storefront: mails to the right addresses,
 * exactly once; the new address only after its link; a taken address never told on screen.
 */
@MisemoriIntegrationTest
class MemberCredentialChangesIntegrationTest {

	private static final String PASSWORD = "kumo-no-ue-de-hirune";

	private static final String NEW_PASSWORD = "asa-no-kissa-de-yomu-hon";

	private static final Pattern CONFIRM = Pattern.compile("(/s/[a-z0-9-]+/account/settings/email/confirm\\?token=[A-Za-z0-9_-]{43})");

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Environment environment;

	@Autowired
	GreenMail mailServer;

	@Autowired
	MemberProfiles profiles;

	Shop shop;

	String email;

	String base;

	@BeforeEach
	void member() throws Exception {
		shop = ShopFixtures.kissaShop(administration);
		base = "/s/" + shop.code().value();
		email = Mails.uniqueRecipient("member.example.jp");
		addMember(email, PASSWORD);
	}

	@Test
	void aPasswordChangeMailsTheMemberOnceAndEndsTheirOtherSessions() throws Exception {
		TestBrowser phone = signIn(email, PASSWORD);
		TestBrowser laptop = signIn(email, PASSWORD);
		laptop.get(base + "/account/settings");
		HttpResponse<String> changed = laptop.post(base + "/account/settings/password",
				Map.of("current", PASSWORD, "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
		assertThat(location(changed)).endsWith(base + "/account/settings");
		assertThat(laptop.get(base + "/account/settings").body()).contains("パスワードを変更しました");

		var mails = ChangeMails.settled(mailServer, email, "パスワードが変更されました");
		assertThat(mails).hasSize(1);
		assertThat(Mails.textOf(mails.get(0))).contains("ショップ「喫茶みどり」", "the shop \"喫茶みどり\"");
		assertThat(location(phone.get(base + "/account"))).endsWith(base + "/account/login");
		signIn(email, NEW_PASSWORD);
	}

	@Test
	void badInputIsRefusedWithItsReason() throws Exception {
		TestBrowser browser = signIn(email, PASSWORD);
		browser.get(base + "/account/settings");
		HttpResponse<String> wrong = browser.post(base + "/account/settings/password",
				Map.of("current", "this is not it", "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(wrong.body()).contains("現在のパスワードが正しくありません。");
		HttpResponse<String> listed = browser.post(base + "/account/settings/password",
				Map.of("current", PASSWORD, "password", "123456789012345", "confirmation", "123456789012345"));
		assertThat(listed.statusCode()).isEqualTo(422);
		assertThat(listed.body()).contains("漏えいしたパスワードやよく使われるパスワードの一覧");
		HttpResponse<String> oversize = browser.post(base + "/account/settings/password?lang=en",
				Map.of("current", PASSWORD, "password", "x".repeat(600_000), "confirmation", "x"));
		assertThat(oversize.statusCode()).isEqualTo(422);
		assertThat(oversize.body()).contains("128");
		HttpResponse<String> same = browser.post(base + "/account/settings/email",
				Map.of("current", PASSWORD, "email", email.toUpperCase()));
		// The page is English since ?lang=en above.
		assertThat(same.statusCode()).isEqualTo(422);
		assertThat(same.body()).contains("The new email address is the one you have now.");
		assertThat(ChangeMails.matching(mailServer, email, "変更")).isEmpty();
	}

	@Test
	void aNewAddressTakesEffectFromItsLinkAndBothAddressesHear() throws Exception {
		String newEmail = Mails.uniqueRecipient("new.example.jp");
		TestBrowser browser = signIn(email, PASSWORD);
		browser.get(base + "/account/settings");
		HttpResponse<String> asked = browser.post(base + "/account/settings/email",
				Map.of("current", PASSWORD, "email", newEmail));
		assertThat(location(asked)).endsWith(base + "/account/settings");
		String notice = browser.get(base + "/account/settings").body();
		assertThat(notice).contains("新しいアドレスにメールを送りました");

		var confirmation = ChangeMails.settled(mailServer, newEmail, "メールアドレス変更の確認");
		assertThat(confirmation).hasSize(1);
		// Nothing changed yet: the old address still signs in.
		signIn(email, PASSWORD);
		assertThat(ChangeMails.matching(mailServer, email, "メールアドレスが変更されました")).isEmpty();

		var found = CONFIRM.matcher(Mails.textOf(confirmation.get(0)));
		assertThat(found.find()).as("a confirmation link").isTrue();
		String link = found.group(1);
		// Opened in the member's own signed-in browser: its my page shows the new address at once.
		assertThat(browser.get(link).body()).contains("メールアドレスを変更しました");
		assertThat(browser.get(base + "/account").body()).contains(newEmail);
		assertThat(new TestBrowser(port).get(link).statusCode()).isEqualTo(410);

		var toOld = ChangeMails.settled(mailServer, email, "メールアドレスが変更されました");
		assertThat(toOld).hasSize(1);
		assertThat(Mails.textOf(toOld.get(0))).contains("u-***@new.example.jp", "ショップ「喫茶みどり」");
		assertThat(ChangeMails.settled(mailServer, newEmail, "メールアドレスの変更が完了しました")).hasSize(1);
		signIn(newEmail, PASSWORD);
	}

	@Test
	void anAddressAlreadyTakenGetsTheSameAnswerAndOnlyItsOwnerHears() throws Exception {
		String other = Mails.uniqueRecipient("member.example.jp");
		addMember(other, "another-members-pass");
		TestBrowser browser = signIn(email, PASSWORD);
		browser.get(base + "/account/settings");
		HttpResponse<String> asked = browser.post(base + "/account/settings/email",
				Map.of("current", PASSWORD, "email", other));
		assertThat(location(asked)).endsWith(base + "/account/settings");
		assertThat(browser.get(base + "/account/settings").body()).contains("新しいアドレスにメールを送りました");

		assertThat(ChangeMails.settled(mailServer, other, "メールアドレス変更のお申し込みについて")).hasSize(1);
		assertThat(ChangeMails.matching(mailServer, other, "メールアドレス変更の確認")).isEmpty();
		signIn(email, PASSWORD);
	}

	private TestBrowser signIn(String address, String password) throws Exception {
		TestBrowser browser = new TestBrowser(port);
		browser.get(base + "/account/login");
		assertThat(location(browser.post(base + "/account/login", Map.of("email", address, "password", password))))
			.endsWith(base + "/account");
		return browser;
	}

	private void addMember(String address, String password) {
		MemberFixtures.memberWithProfile(profiles, shop, address, passwords.encode(password), MemberProfile.EMPTY);
	}

}
