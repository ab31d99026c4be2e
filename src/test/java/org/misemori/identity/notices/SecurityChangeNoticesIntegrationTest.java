package org.misemori.identity.notices;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.domain.OperatorSetup;
import org.misemori.identity.twofactor.TotpFixtures;
import org.misemori.notify.Mails;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Setting up an authenticator and spending a recovery code each tell the holder by mail. */
@MisemoriIntegrationTest
class SecurityChangeNoticesIntegrationTest {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");

	private static final Pattern RECOVERY_CODE = Pattern.compile("<li><code>([a-z2-9-]{19})</code></li>");

	@LocalServerPort
	int port;

	@Autowired
	OperatorSetup setup;

	@Autowired
	Environment environment;

	@Autowired
	GreenMail mailServer;

	@Test
	void holderHearsOfEnrolmentAndOfARecoveryCodeSpent() throws Exception {
		String email = Mails.uniqueRecipient("ops.example.jp");
		OperatorFixtures.noOperatorYet(environment);
		setup.complete(setup.issueTokenIfNoOperator().orElseThrow(), "ops.notice", email, OperatorFixtures.PASSPHRASE,
				OperatorFixtures.PASSPHRASE);

		TestBrowser browser = signIn();
		String secret = TestBrowser.find(SECRET, browser.get("/operator/2fa/enrol"));
		HttpResponse<String> enrolled = browser.post("/operator/2fa/enrol", Map.of("code", TotpFixtures.currentCode(secret)));
		String recoveryCode = TestBrowser.find(RECOVERY_CODE, enrolled);
		assertThat(awaitMail(email, "認証アプリが登録されました")).isNotNull();

		TestBrowser lostPhone = signIn();
		lostPhone.get("/operator/2fa");
		lostPhone.post("/operator/2fa", Map.of("code", recoveryCode));
		// The second browser is also a new environment, so an alert mail may come first: wait for this one.
		MimeMessage recovery = awaitMail(email, "リカバリーコードが使われました");
		assertThat(Mails.textOf(recovery)).contains("ops.notice").contains("127.0.0.1");
	}

	private TestBrowser signIn() throws Exception {
		TestBrowser browser = new TestBrowser(port);
		browser.get("/operator/login");
		browser.post("/operator/login", Map.of("username", "ops.notice", "password", OperatorFixtures.PASSPHRASE));
		return browser;
	}

	private MimeMessage awaitMail(String recipient, String subject) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> Mails.receivedBy(mailServer, recipient).stream().filter(m -> subjectOf(m).contains(subject)).toList(),
					found -> !found.isEmpty())
			.get(0);
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			return "";
		}
	}

}
