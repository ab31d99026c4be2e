package org.misemori.identity.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.identity.domain.Sha256;
import org.misemori.identity.member.MemberAccounts;
import org.misemori.identity.member.MemberFixtures;
import org.misemori.identity.twofactor.TotpFixtures;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.misemori.TestBrowser.location;

/**
 * A member's optional TOTP over real HTTP and real mail: turning it on, the code step it adds
 * to sign-in (throttled, single-use codes, recovery codes, five minutes to give it), and
 * turning it off with the password and a code.
 */
@MisemoriIntegrationTest
class MemberTwoFactorIntegrationTest {

	private static final String PASSWORD = "はなの雑貨で春を待つ";

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");

	private static final Pattern RECOVERY_CODE = Pattern.compile("<li><code>([a-z2-9-]{19})</code></li>");

	private static final String WRONG_CODE = "コードが正しくないか";

	private static final String THROTTLED = "少し時間をおいてから";

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	MemberAccounts members;

	@Autowired
	Environment environment;

	@Autowired
	GreenMail mailServer;

	@Autowired
	JdbcIndexedSessionRepository sessions;

	Shop shop;

	String base;

	String email;

	@BeforeEach
	void aMember() throws Exception {
		shop = ShopFixtures.zakkaShop(administration);
		base = "/s/" + shop.code() + "/account";
		email = MemberFixtures.activeMember(members, environment, shop, PASSWORD);
	}

	@Test
	void turningItOnNeedsTheRightCodeAndPasswordAndShowsRecoveryCodesOnce() throws Exception {
		TestBrowser browser = signedIn();
		assertThat(browser.get(base).body()).contains(base + "/account/two-factor".substring("/account".length()));
		assertThat(browser.get(base + "/two-factor").body()).contains("二段階認証は設定されていません");

		String secret = TestBrowser.find(SECRET, browser.get(base + "/two-factor/enrol"));
		HttpResponse<String> wrongCode = browser.post(base + "/two-factor/enrol",
				Map.of("code", TotpFixtures.codeStepsAhead(secret, 5), "password", PASSWORD));
		assertThat(wrongCode.statusCode()).isEqualTo(422);
		assertThat(wrongCode.body()).contains("パスワードまたは確認コードが正しくありません");
		secret = TestBrowser.find(SECRET, wrongCode);
		HttpResponse<String> wrongPassword = browser.post(base + "/two-factor/enrol",
				Map.of("code", TotpFixtures.currentCode(secret), "password", "not the password 1"));
		assertThat(wrongPassword.statusCode()).isEqualTo(422);
		secret = TestBrowser.find(SECRET, wrongPassword);

		HttpResponse<String> enabled = browser.post(base + "/two-factor/enrol",
				Map.of("code", TotpFixtures.currentCode(secret), "password", PASSWORD));
		assertThat(enabled.statusCode()).isEqualTo(200);
		List<String> codes = RECOVERY_CODE.matcher(enabled.body()).results().map(m -> m.group(1)).toList();
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		String page = browser.get(base + "/two-factor").body();
		assertThat(page).contains("二段階認証（認証アプリ）が有効です");
		codes.forEach(code -> assertThat(page).doesNotContain(code));
		assertThat(location(browser.get(base + "/two-factor/enrol"))).endsWith(base + "/two-factor");
		assertThat(awaitOnly("二段階認証が有効になりました")).contains(email).contains("Two-step verification (authenticator app) was turned on");
		assertThat(auditedInShop(460)).as("MEMBER_TOTP_ENABLED").isEqualTo(1);
		assertThat(auditedInShop(464)).as("MEMBER_TOTP_CHANGE_REFUSED").isEqualTo(2);
	}

	@Test
	void onceOnTheSignInAsksForACodeThatWorksOnceAndThePendingStateReachesNothing() throws Exception {
		String secret = enable(signedIn()).secret();
		TestBrowser browser = new TestBrowser(port);
		assertThat(passwordStep(browser)).endsWith(base + "/two-factor/code");
		assertThat(location(browser.get(base))).as("my page needs the code first").endsWith(base + "/login");
		assertThat(location(browser.get(base + "/two-factor"))).endsWith(base + "/login");
		browser.get(base + "/two-factor/code");
		HttpResponse<String> wrong = browser.post(base + "/two-factor/code", Map.of("code", "12345x"));
		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(wrong.body()).contains(WRONG_CODE);

		String code = TotpFixtures.codeStepsAhead(secret, 1);
		String sessionBefore = browser.cookie("MISEMORI_SESSION").orElseThrow();
		assertThat(location(browser.post(base + "/two-factor/code", Map.of("code", code)))).endsWith(base);
		assertThat(browser.cookie("MISEMORI_SESSION")).get().isNotEqualTo(sessionBefore);
		assertThat(browser.get(base).body()).contains(email);

		TestBrowser replay = new TestBrowser(port);
		passwordStep(replay);
		replay.get(base + "/two-factor/code");
		HttpResponse<String> reused = replay.post(base + "/two-factor/code", Map.of("code", code));
		assertThat(reused.statusCode()).as("a code works once").isEqualTo(422);
		assertThat(location(replay.get(base))).endsWith(base + "/login");
	}

	@Test
	void aRecoveryCodeSignsInOnceAndTheMemberIsMailed() throws Exception {
		String recoveryCode = enable(signedIn()).recoveryCodes().get(3);
		TestBrowser browser = new TestBrowser(port);
		passwordStep(browser);
		browser.get(base + "/two-factor/code");
		assertThat(location(browser.post(base + "/two-factor/code", Map.of("code", recoveryCode.toUpperCase()))))
			.endsWith(base);
		assertThat(awaitOnly("リカバリーコードが使われました")).contains(email).contains("A recovery code was used");

		TestBrowser again = new TestBrowser(port);
		passwordStep(again);
		again.get(base + "/two-factor/code");
		assertThat(again.post(base + "/two-factor/code", Map.of("code", recoveryCode)).statusCode()).isEqualTo(422);
		assertThat(Mails.receivedBy(mailServer, email).stream().filter(m -> subjectOf(m).contains("リカバリーコード")))
			.hasSize(1);
		assertThat(auditedInShop(462)).as("MEMBER_RECOVERY_CODE_USED").isEqualTo(1);
	}

	@Test
	void wrongCodesSlowDownTheMemberAndTheRightPasswordDoesNotForgiveThem() throws Exception {
		String secret = enable(signedIn()).secret();
		TestBrowser browser = new TestBrowser(port);
		passwordStep(browser);
		browser.get(base + "/two-factor/code");
		for (int i = 0; i < 5; i++) {
			assertThat(browser.post(base + "/two-factor/code", Map.of("code", "000000")).body()).contains(WRONG_CODE);
		}
		HttpResponse<String> delayed = browser.post(base + "/two-factor/code",
				Map.of("code", TotpFixtures.codeStepsAhead(secret, 1)));
		assertThat(delayed.statusCode()).isEqualTo(422);
		assertThat(delayed.body()).as("even the right code waits out the delay").contains(THROTTLED);

		Thread.sleep(1_100);
		TestBrowser fresh = new TestBrowser(port);
		assertThat(passwordStep(fresh)).endsWith(base + "/two-factor/code");
		fresh.get(base + "/two-factor/code");
		assertThat(fresh.post(base + "/two-factor/code", Map.of("code", "000000")).body()).contains(WRONG_CODE);
		assertThat(fresh.post(base + "/two-factor/code", Map.of("code", TotpFixtures.codeStepsAhead(secret, 1))).body())
			.as("the sixth failure doubles the delay; the password in between did not reset the count")
			.contains(THROTTLED);
		Thread.sleep(2_100);
		assertThat(location(fresh.post(base + "/two-factor/code", Map.of("code", TotpFixtures.codeStepsAhead(secret, 1)))))
			.endsWith(base);
	}

	@Test
	void thePendingStateExpiresAfterFiveMinutes() throws Exception {
		String secret = enable(signedIn()).secret();
		TestBrowser browser = new TestBrowser(port);
		passwordStep(browser);
		assertThat(browser.get(base + "/two-factor/code").statusCode()).isEqualTo(200);
		@SuppressWarnings({ "unchecked", "rawtypes" })
		SessionRepository<Session> repository = (SessionRepository) sessions;
		// The cookie is the base64 of the session's secret; the stored id is that secret's SHA-256.
		String secretOfSession = new String(Base64.getDecoder().decode(browser.cookie("MISEMORI_SESSION").orElseThrow()),
				StandardCharsets.US_ASCII);
		Session session = repository.findById(Sha256.hex(secretOfSession));
		MemberSignIn.PasswordGiven given = session.getAttribute(MemberSignIn.PENDING);
		session.setAttribute(MemberSignIn.PENDING, new MemberSignIn.PasswordGiven(given.shopId(), given.memberId(),
				given.email(), given.accountName(), given.at().minus(MemberSignIn.PENDING_VALIDITY).minusSeconds(1)));
		repository.save(session);

		HttpResponse<String> late = browser.post(base + "/two-factor/code",
				Map.of("code", TotpFixtures.codeStepsAhead(secret, 1)));
		assertThat(location(late)).endsWith(base + "/login?expired");
		assertThat(browser.get(base + "/login?expired").body()).contains("5 分");
		assertThat(location(browser.get(base))).endsWith(base + "/login");
	}

	@Test
	void turningItOffNeedsThePasswordAndACode() throws Exception {
		TestBrowser browser = signedIn();
		String secret = enable(browser).secret();
		String code = TotpFixtures.codeStepsAhead(secret, 1);
		browser.get(base + "/two-factor");
		HttpResponse<String> noPassword = browser.post(base + "/two-factor/disable",
				Map.of("password", "not the password 1", "code", code));
		assertThat(noPassword.statusCode()).isEqualTo(422);
		assertThat(noPassword.body()).contains("二段階認証（認証アプリ）が有効です");
		assertThat(browser.post(base + "/two-factor/disable", Map.of("password", PASSWORD, "code", "000000")).statusCode())
			.isEqualTo(422);
		assertThat(location(browser.post(base + "/two-factor/disable", Map.of("password", PASSWORD, "code", code))))
			.endsWith(base + "/two-factor?disabled");
		assertThat(browser.get(base + "/two-factor?disabled").body()).contains("二段階認証は設定されていません");
		assertThat(awaitOnly("二段階認証がオフになりました")).contains(email);
		assertThat(passwordStep(new TestBrowser(port))).endsWith(base);
		assertThat(Mails.receivedBy(mailServer, email).stream().filter(m -> subjectOf(m).contains("二段階認証が有効")))
			.hasSize(1);
	}

	private long auditedInShop(int typeCode) throws SQLException {
		try (Connection crossShop = Databases.asCrossShopRole(environment);
				PreparedStatement count = crossShop
					.prepareStatement("SELECT count(*) FROM audit.audit_event WHERE type_code = ? AND shop_id = ?")) {
			count.setInt(1, typeCode);
			count.setLong(2, shop.id().value());
			try (ResultSet rows = count.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private TestBrowser signedIn() throws Exception {
		TestBrowser browser = new TestBrowser(port);
		assertThat(passwordStep(browser)).endsWith(base);
		return browser;
	}

	private String passwordStep(TestBrowser browser) throws Exception {
		browser.get(base + "/login");
		return location(browser.post(base + "/login", Map.of("email", email, "password", PASSWORD)));
	}

	private Enabled enable(TestBrowser browser) throws Exception {
		String secret = TestBrowser.find(SECRET, browser.get(base + "/two-factor/enrol"));
		HttpResponse<String> enabled = browser.post(base + "/two-factor/enrol",
				Map.of("code", TotpFixtures.currentCode(secret), "password", PASSWORD));
		assertThat(enabled.statusCode()).isEqualTo(200);
		return new Enabled(secret, RECOVERY_CODE.matcher(enabled.body()).results().map(m -> m.group(1)).toList());
	}

	/** The one mail with this subject: waits for it, then makes sure no second one follows. */
	private String awaitOnly(String subject) throws InterruptedException {
		await().atMost(Duration.ofSeconds(20)).until(() -> !withSubject(subject).isEmpty());
		Thread.sleep(1_500);
		List<MimeMessage> found = withSubject(subject);
		assertThat(found).hasSize(1);
		assertThat(subjectOf(found.get(0))).startsWith("【" + shop.name() + "】");
		return Mails.textOf(found.get(0));
	}

	private List<MimeMessage> withSubject(String subject) {
		return Mails.receivedBy(mailServer, email).stream().filter(m -> subjectOf(m).contains(subject)).toList();
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			return "";
		}
	}

	record Enabled(String secret, List<String> recoveryCodes) {
	}

}
