package org.misemori.identity.member;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.misemori.TestBrowser.location;

/** A shopper's account from sign-up to a forgotten password, over real HTTP and real mail. */
@MisemoriIntegrationTest
class MemberAccountIntegrationTest {

	private static final String PASSWORD = "はなの雑貨で春を待つ";

	private static final String NEW_PASSWORD = "青い硝子瓶に小さな花";

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	GreenMail mailServer;

	Shop shop;

	String base;

	@BeforeEach
	void aShop() {
		shop = ShopFixtures.zakkaShop(administration);
		base = "/s/" + shop.code() + "/account";
	}

	@Test
	void signUpConfirmSignInAndResetAForgottenPassword() throws Exception {
		String email = Mails.uniqueRecipient("example.jp");
		TestBrowser browser = new TestBrowser(port);
		browser.get(base + "/register");
		HttpResponse<String> signedUp = browser.post(base + "/register",
				Map.of("email", email, "password", PASSWORD, "confirmation", PASSWORD));
		assertThat(signedUp.body()).contains("入力されたアドレスにメールを送りました").contains("24 時間有効");

		assertThat(location(browser.get(linkIn(awaitMail(email, "会員登録の確認")))))
			.endsWith(base + "/login?confirmed");
		assertThat(signIn(browser, email, PASSWORD)).endsWith(base);
		assertThat(browser.get(base).body()).contains(email);

		TestBrowser forgetful = new TestBrowser(port);
		forgetful.get(base + "/reset");
		forgetful.post(base + "/reset", Map.of("email", email));
		forgetful.get(linkIn(awaitMail(email, "パスワード再設定のご案内")));
		HttpResponse<String> reset = forgetful.post(base + "/reset/confirm",
				Map.of("token", forgetful.lastPageField("token"), "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
		assertThat(location(reset)).endsWith(base + "/login?reset");
		assertThat(signIn(new TestBrowser(port), email, PASSWORD)).isEmpty();
		assertThat(signIn(new TestBrowser(port), email, NEW_PASSWORD)).endsWith(base);

		assertThat(location(browser.get(base))).as("the session signed in before the reset has ended")
			.endsWith(base + "/login");
		assertThat(Mails.textOf(awaitMail(email, "パスワードが変更されました"))).contains(shop.name());
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
			.until(() -> Mails.receivedBy(mailServer, email)
				.stream()
				.filter(m -> subjectOf(m).contains("パスワードが変更されました"))
				.count() == 1);
	}

	@Test
	void signingUpAgainWithAKnownAddressLooksTheSameAndOnlyTheMailTells() throws Exception {
		String email = Mails.uniqueRecipient("example.jp");
		TestBrowser first = new TestBrowser(port);
		first.get(base + "/register");
		String firstPage = first.post(base + "/register", Map.of("email", email, "password", PASSWORD, "confirmation", PASSWORD))
			.body();
		awaitMail(email, "会員登録の確認");
		TestBrowser second = new TestBrowser(port);
		second.get(base + "/register");
		String secondPage = second
			.post(base + "/register", Map.of("email", email, "password", PASSWORD, "confirmation", PASSWORD))
			.body();
		assertThat(secondPage).isEqualTo(firstPage);
		assertThat(linkIn(awaitMail(email, "会員登録のお申し込みについて"))).contains("/account/reset");
	}

	@Test
	void aProvisionalAccountCannotSignInAndBadInputIsExplained() throws Exception {
		String email = Mails.uniqueRecipient("example.jp");
		TestBrowser browser = new TestBrowser(port);
		browser.get(base + "/register");
		HttpResponse<String> blocklisted = browser.post(base + "/register",
				Map.of("email", email, "password", "password1234", "confirmation", "password1234"));
		assertThat(blocklisted.statusCode()).isEqualTo(422);
		assertThat(blocklisted.body()).contains("漏えいしたパスワード");
		HttpResponse<String> tooLong = browser.post(base + "/register",
				Map.of("email", email, "password", "x".repeat(1_000_000), "confirmation", "x"));
		assertThat(tooLong.body()).contains("128 文字以内");
		browser.post(base + "/register", Map.of("email", email, "password", PASSWORD, "confirmation", PASSWORD));
		awaitMail(email, "会員登録の確認");
		assertThat(signIn(new TestBrowser(port), email, PASSWORD)).as("not confirmed yet").isEmpty();
	}

	private String signIn(TestBrowser browser, String email, String password) throws Exception {
		browser.get(base + "/login");
		return location(browser.post(base + "/login", Map.of("email", email, "password", password)));
	}

	private MimeMessage awaitMail(String recipient, String subject) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> Mails.receivedBy(mailServer, recipient)
				.stream()
				.filter(m -> subjectOf(m).contains(subject))
				.toList(), found -> !found.isEmpty())
			.get(0);
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			return "";
		}
	}

	private String linkIn(MimeMessage mail) {
		Matcher link = Pattern.compile("http://localhost:\\d+(/s/\\S+)").matcher(Mails.textOf(mail));
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

}
