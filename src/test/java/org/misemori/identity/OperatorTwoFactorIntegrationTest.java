package org.misemori.identity;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.identity.domain.OperatorSetup;
import org.misemori.identity.twofactor.TotpFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.misemori.TestBrowser.location;

/** An operator's sign-in as it happens over HTTP: password, forced TOTP enrolment, then TOTP at each sign-in. */
@MisemoriIntegrationTest
class OperatorTwoFactorIntegrationTest {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");

	private static final Pattern RECOVERY_CODE = Pattern.compile("<li><code>([a-z2-9-]{19})</code></li>");

	@LocalServerPort
	int port;

	@Autowired
	OperatorSetup setup;

	@Autowired
	Environment environment;

	@BeforeEach
	void oneOperatorWithoutSecondFactor() throws Exception {
		OperatorFixtures.noOperatorYet(environment);
		setup.complete(setup.issueTokenIfNoOperator().orElseThrow(), "ops.jiro", OperatorFixtures.EMAIL,
				OperatorFixtures.PASSPHRASE, OperatorFixtures.PASSPHRASE);
	}

	@Test
	void firstSignInForcesEnrolmentAndLaterSignInsAskForACode() throws Exception {
		TestBrowser browser = signInWithPassword();
		assertThat(location(browser.get("/operator"))).contains("/operator/2fa");
		assertThat(location(browser.get("/operator/2fa"))).endsWith("/operator/2fa/enrol");
		String secret = TestBrowser.find(SECRET, browser.get("/operator/2fa/enrol"));

		HttpResponse<String> wrong = browser.post("/operator/2fa/enrol", Map.of("code", "000000"));
		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(wrong.body()).contains("コードが正しくないか");
		secret = TestBrowser.find(SECRET, wrong);

		HttpResponse<String> enrolled = browser.post("/operator/2fa/enrol", Map.of("code", TotpFixtures.currentCode(secret)));
		assertThat(recoveryCodes(enrolled)).hasSize(10).doesNotHaveDuplicates();
		assertThat(browser.get("/operator").statusCode()).isEqualTo(200);

		TestBrowser later = signInWithPassword();
		assertThat(location(later.get("/operator"))).contains("/operator/2fa");
		later.get("/operator/2fa");
		assertThat(later.post("/operator/2fa", Map.of("code", "123456")).statusCode()).isEqualTo(422);
		HttpResponse<String> verified = later.post("/operator/2fa", Map.of("code", TotpFixtures.codeStepsAhead(secret, 1)));
		assertThat(location(verified)).matches(".*/operator(\\?continue)?");
		assertThat(later.get("/operator").statusCode()).isEqualTo(200);
	}

	@Test
	void aCodeWorksOnceAndARecoveryCodeWorksOnce() throws Exception {
		TestBrowser browser = signInWithPassword();
		String secret = TestBrowser.find(SECRET, browser.get("/operator/2fa/enrol"));
		String firstCode = TotpFixtures.currentCode(secret);
		List<String> recovery = recoveryCodes(browser.post("/operator/2fa/enrol", Map.of("code", firstCode)));

		TestBrowser replay = signInWithPassword();
		replay.get("/operator/2fa");
		assertThat(replay.post("/operator/2fa", Map.of("code", firstCode)).statusCode()).as("replayed code").isEqualTo(422);

		TestBrowser lostPhone = signInWithPassword();
		lostPhone.get("/operator/2fa");
		assertThat(location(lostPhone.post("/operator/2fa", Map.of("code", recovery.get(0))))).matches(".*/operator(\\?continue)?");

		TestBrowser again = signInWithPassword();
		again.get("/operator/2fa");
		assertThat(again.post("/operator/2fa", Map.of("code", recovery.get(0))).statusCode()).isEqualTo(422);
	}

	@Test
	void wrongCodesCountTowardsTheLockLikeWrongPasswords() throws Exception {
		TestBrowser owner = signInWithPassword();
		String secret = TestBrowser.find(SECRET, owner.get("/operator/2fa/enrol"));
		owner.post("/operator/2fa/enrol", Map.of("code", TotpFixtures.currentCode(secret)));

		TestBrowser thief = signInWithPassword();
		thief.get("/operator/2fa");
		for (int attempt = 0; attempt < 10; attempt++) {
			assertThat(thief.post("/operator/2fa", Map.of("code", "000000")).body()).contains("コードが正しくないか");
		}
		HttpResponse<String> rightCodeAfterLock = thief.post("/operator/2fa",
				Map.of("code", TotpFixtures.codeStepsAhead(secret, 1)));
		assertThat(rightCodeAfterLock.statusCode()).isEqualTo(422);
		assertThat(rightCodeAfterLock.body()).contains("ログインの試行が多すぎる");
	}

	@Test
	void anOperatorSeesTheirSessionsAndEndsTheOtherOnes() throws Exception {
		TestBrowser laptop = signInWithPassword();
		String secret = TestBrowser.find(SECRET, laptop.get("/operator/2fa/enrol"));
		laptop.post("/operator/2fa/enrol", Map.of("code", TotpFixtures.currentCode(secret)));
		TestBrowser phone = signInWithPassword();
		phone.get("/operator/2fa");
		phone.post("/operator/2fa", Map.of("code", TotpFixtures.codeStepsAhead(secret, 1)));
		assertThat(phone.get("/operator").statusCode()).isEqualTo(200);

		HttpResponse<String> list = laptop.get("/operator/sessions");
		assertThat(Pattern.compile("<tr>").matcher(list.body()).results().count()).as("header and two sessions")
			.isEqualTo(3);
		assertThat(list.body()).contains("この端末").contains("ログアウトさせる");
		laptop.post("/operator/sessions/end-others", Map.of());

		assertThat(location(phone.get("/operator"))).endsWith("/operator/login");
		assertThat(laptop.get("/operator").statusCode()).isEqualTo(200);
	}

	@Test
	void aStolenPasswordCannotEnrolAnotherAuthenticator() throws Exception {
		TestBrowser owner = signInWithPassword();
		String secret = TestBrowser.find(SECRET, owner.get("/operator/2fa/enrol"));
		owner.post("/operator/2fa/enrol", Map.of("code", TotpFixtures.currentCode(secret)));

		TestBrowser thief = signInWithPassword();
		assertThat(location(thief.get("/operator/2fa/enrol"))).endsWith("/operator/2fa");
		assertThat(thief.get("/operator/shops/new").statusCode()).isEqualTo(302);
	}

	@Test
	void theSeedIsSealedAndTheSessionIdInTheDatabaseIsNotTheCookie() throws Exception {
		TestBrowser browser = signInWithPassword();
		String beforeTotp = browser.cookie("MISEMORI_SESSION").orElseThrow();
		String secret = TestBrowser.find(SECRET, browser.get("/operator/2fa/enrol"));
		browser.post("/operator/2fa/enrol", Map.of("code", TotpFixtures.currentCode(secret)));
		String afterTotp = browser.cookie("MISEMORI_SESSION").orElseThrow();
		assertThat(afterTotp).as("session id rotated when the second factor was given").isNotEqualTo(beforeTotp);

		String cookieSecret = new String(Base64.getDecoder().decode(afterTotp), StandardCharsets.US_ASCII);
		String expectedId = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(cookieSecret.getBytes(StandardCharsets.US_ASCII)));
		try (Connection owner = Databases.asOwner(environment)) {
			assertThat(count(owner, "SELECT count(*) FROM identity.spring_session WHERE session_id = ?", expectedId))
				.isEqualTo(1);
			assertThat(count(owner, "SELECT count(*) FROM identity.spring_session WHERE session_id = ?", cookieSecret))
				.isZero();
			assertThat(count(owner,
					"SELECT count(*) FROM identity.operator_totp WHERE position(?::bytea IN sealed_secret) > 0",
					secret.replace(" ", "")))
				.isZero();
		}
	}

	private TestBrowser signInWithPassword() throws Exception {
		TestBrowser browser = new TestBrowser(port);
		browser.get("/operator/login");
		HttpResponse<String> login = browser.post("/operator/login",
				Map.of("username", "ops.jiro", "password", OperatorFixtures.PASSPHRASE));
		assertThat(location(login)).endsWith("/operator");
		return browser;
	}

	private static List<String> recoveryCodes(HttpResponse<String> page) {
		List<String> codes = new ArrayList<>();
		RECOVERY_CODE.matcher(page.body()).results().forEach(m -> codes.add(m.group(1)));
		return codes;
	}

	private static int count(Connection connection, String sql, String value) throws Exception {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, value);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

}
