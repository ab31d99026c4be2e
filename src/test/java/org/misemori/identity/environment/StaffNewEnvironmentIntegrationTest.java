package org.misemori.identity.environment;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.staff.NewStaff;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.misemori.TestBrowser.location;

/**
 * The same alert for a shop's staff at {@code /admin/login}: their holder address comes from
 * the shop's own staff table, and "not me" clears their password (an invitation sets a new one).
 */
@MisemoriIntegrationTest
class StaffNewEnvironmentIntegrationTest {

	private static final Pattern INVITATION_TOKEN = Pattern
			.compile("/admin/invitation\\?shop=[a-z0-9-]+&token=([A-Za-z0-9_-]{43})");

	private static final Pattern NOT_ME_TOKEN = Pattern.compile("/account/not-me\\?token=([A-Za-z0-9_-]{43})");

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	StaffAccounts staff;

	@Autowired
	GreenMail mailServer;

	Shop shop;

	String email;

	@BeforeEach
	void staffMemberWithAPassword() {
		shop = ShopFixtures.kissaShop(administration);
		email = Mails.uniqueRecipient("kissa.example.jp");
		staff.invite(shop.code().value(), new NewStaff("hana", "花子", email, false), "ops.test");
		String token = tokenFrom(awaitMails(1).get(0), INVITATION_TOKEN);
		staff.acceptInvitation(shop.code().value(), token, OperatorFixtures.PASSPHRASE, OperatorFixtures.PASSPHRASE);
	}

	@Test
	void aNewBrowserAlertsTheStaffMemberAndNotMeClearsTheirPasswordAndSessions() throws Exception {
		TestBrowser usual = signIn(new TestBrowser(port));
		TestBrowser other = signIn(new TestBrowser(port));
		MimeMessage alert = awaitMails(2).get(1);
		assertThat(Mails.textOf(alert)).contains("hana", "127.0.0.1", "Java HTTP client");

		TestBrowser mailReader = new TestBrowser(port);
		String token = tokenFrom(alert, NOT_ME_TOKEN);
		assertThat(mailReader.get("/account/not-me?token=" + token).statusCode()).isEqualTo(200);
		HttpResponse<String> done = mailReader.post("/account/not-me", Map.of("token", token));
		assertThat(done.body()).contains("ショップのオーナーに招待");

		assertThat(location(usual.get("/admin"))).endsWith("/admin/login");
		assertThat(location(other.get("/admin"))).endsWith("/admin/login");
		TestBrowser again = new TestBrowser(port);
		again.get("/admin/login");
		assertThat(location(again.post("/admin/login", credentials()))).endsWith("/admin/login?error");
	}

	private TestBrowser signIn(TestBrowser browser) throws Exception {
		browser.get("/admin/login");
		assertThat(location(browser.post("/admin/login", credentials()))).endsWith("/admin");
		return browser;
	}

	private Map<String, String> credentials() {
		return Map.of("shopCode", shop.code().value(), "loginId", "hana", "password", OperatorFixtures.PASSPHRASE);
	}

	private List<MimeMessage> awaitMails(int count) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> Mails.receivedBy(mailServer, email), received -> received.size() >= count);
	}

	private static String tokenFrom(MimeMessage mail, Pattern pattern) {
		Matcher matcher = pattern.matcher(Mails.textOf(mail));
		assertThat(matcher.find()).as("a link in " + Mails.textOf(mail)).isTrue();
		return matcher.group(1);
	}

}
