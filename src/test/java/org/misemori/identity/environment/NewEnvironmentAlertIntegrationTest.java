package org.misemori.identity.environment;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.domain.OperatorSetup;
import org.misemori.notify.Mails;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.misemori.TestBrowser.location;

/**
 * Issue 3 §6 over real HTTP, real PostgreSQL and the embedded SMTP server: an operator's first
 * sign-in is only recorded, a sign-in from a new browser (a fresh cookie jar, so no device
 * cookie) mails the holder exactly once, and the mail's "this was not me" link ends every
 * session of the account and makes its password stop working.
 */
@MisemoriIntegrationTest
class NewEnvironmentAlertIntegrationTest {

	private static final Pattern NOT_ME_LINK = Pattern.compile("(/account/not-me\\?token=[A-Za-z0-9_-]{43})");

	/** Long enough for the outbox poller to have sent anything that was queued. */
	private static final Duration QUIET = Duration.ofMillis(2_500);

	@LocalServerPort
	int port;

	@Autowired
	OperatorSetup setup;

	@Autowired
	Environment environment;

	@Autowired
	GreenMail mailServer;

	String loginId;

	String email;

	@BeforeEach
	void oneOperatorNeverSignedIn() throws SQLException {
		loginId = "ops.env" + ThreadLocalRandom.current().nextInt(1_000_000);
		email = Mails.uniqueRecipient("ops.example.jp");
		OperatorFixtures.noOperatorYet(environment);
		setup.complete(setup.issueTokenIfNoOperator().orElseThrow(), loginId, email, OperatorFixtures.PASSPHRASE,
				OperatorFixtures.PASSPHRASE);
	}

	@Test
	void theFirstSignInIsOnlyRecordedANewBrowserAlertsOnceAndAKnownOneNever() throws Exception {
		TestBrowser usual = signIn(new TestBrowser(port));
		assertThat(usual.cookie(DeviceCookie.NAME)).as("device cookie set at sign-in").isPresent();
		Thread.sleep(QUIET.toMillis());
		assertThat(Mails.receivedBy(mailServer, email)).as("nothing to compare the first sign-in with").isEmpty();

		TestBrowser other = signIn(new TestBrowser(port));
		MimeMessage alert = awaitMail().get(0);
		assertThat(alert.getSubject()).contains("新しい環境からログイン", "New sign-in");
		assertThat(Mails.textOf(alert)).contains(loginId, "127.0.0.1", "Java HTTP client", "（日本時間）", "(Japan time)",
				"http://localhost:" + port + "/account/not-me?token=");

		signIn(other);
		signIn(usual);
		Thread.sleep(QUIET.toMillis());
		assertThat(Mails.receivedBy(mailServer, email)).as("known environments do not alert").hasSize(1);
		assertThat(auditEntries("ENVIRONMENT_ALERT_SENT")).isEqualTo(1);
		assertThat(storedEnvironments()).isEqualTo(2);
	}

	@Test
	void theNotMeLinkEndsEverySessionAndThePasswordStopsWorking() throws Exception {
		TestBrowser holder = signIn(new TestBrowser(port));
		assertThat(location(holder.get("/operator"))).as("signed in, second factor owed").contains("/operator/2fa");
		TestBrowser stranger = signIn(new TestBrowser(port));
		String link = notMeLink(awaitMail().get(0));

		TestBrowser mailReader = new TestBrowser(port);
		HttpResponse<String> confirmation = mailReader.get(link);
		assertThat(confirmation.statusCode()).isEqualTo(200);
		assertThat(location(holder.get("/operator"))).as("opening the link alone changes nothing").contains("/operator/2fa");
		HttpResponse<String> done = mailReader.post("/account/not-me", Map.of("token", link.substring(link.indexOf('=') + 1)));
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("パスワードを使えなくしました");

		assertThat(location(holder.get("/operator"))).endsWith("/operator/login");
		assertThat(location(stranger.get("/operator"))).endsWith("/operator/login");
		TestBrowser again = new TestBrowser(port);
		again.get("/operator/login");
		assertThat(location(again.post("/operator/login",
				Map.of("username", loginId, "password", OperatorFixtures.PASSPHRASE)))).endsWith("/operator/login?error");
		assertThat(new TestBrowser(port).get(link).statusCode()).as("the link works once").isEqualTo(404);
		assertThat(auditEntries("NOT_ME_REPORTED")).isEqualTo(1);
	}

	private TestBrowser signIn(TestBrowser browser) throws Exception {
		browser.get("/operator/login");
		HttpResponse<String> login = browser.post("/operator/login",
				Map.of("username", loginId, "password", OperatorFixtures.PASSPHRASE));
		assertThat(location(login)).endsWith("/operator");
		return browser;
	}

	private List<MimeMessage> awaitMail() {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> Mails.receivedBy(mailServer, email), received -> !received.isEmpty());
	}

	private static String notMeLink(MimeMessage mail) {
		Matcher link = NOT_ME_LINK.matcher(Mails.textOf(mail));
		assertThat(link.find()).as("a not-me link in the alert").isTrue();
		return link.group(1);
	}

	private long auditEntries(String type) throws SQLException {
		return queryLong("SELECT count(*) FROM audit.audit_event WHERE type = ? AND actor = ?", type, "operator:" + loginId);
	}

	private long storedEnvironments() throws SQLException {
		return queryLong("SELECT count(*) FROM identity.known_environment WHERE account_key = ?", "operator:" + loginId);
	}

	private long queryLong(String sql, String... arguments) throws SQLException {
		try (Connection owner = Databases.asOwner(environment); PreparedStatement statement = owner.prepareStatement(sql)) {
			for (int i = 0; i < arguments.length; i++) {
				statement.setString(i + 1, arguments[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
