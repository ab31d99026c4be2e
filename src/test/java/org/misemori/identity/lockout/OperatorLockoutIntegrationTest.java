package org.misemori.identity.lockout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.domain.OperatorSetup;
import org.misemori.notify.Mails;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * PCI DSS 8.3.4 at the operator sign-in: ten consecutive failures lock the account for thirty
 * minutes, during which even the right password is refused with the same answer as a wrong
 * one, and the holder gets exactly one mail (through the outbox, to the embedded SMTP server).
 */
@MisemoriIntegrationTest
class OperatorLockoutIntegrationTest {

	private static final String WRONG = "not the passphrase, but long enough";

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	OperatorSetup setup;

	@Autowired
	Environment environment;

	@Autowired
	GreenMail mailServer;

	@Autowired
	LoginThrottle throttle;

	String loginId;

	String email;

	/** Each test signs in from an address of its own, so that no per-address budget is shared. */
	String address;

	@BeforeEach
	void oneOperator() throws SQLException {
		int n = ThreadLocalRandom.current().nextInt(1_000_000);
		loginId = "ops.lock" + n;
		email = Mails.uniqueRecipient("ops.example.jp");
		address = "198.51.100." + ADDRESSES.incrementAndGet();
		OperatorFixtures.noOperatorYet(environment);
		setup.complete(setup.issueTokenIfNoOperator().orElseThrow(), loginId, email, OperatorFixtures.PASSPHRASE,
				OperatorFixtures.PASSPHRASE);
	}

	@Test
	void tenFailuresLockTheAccountEvenAgainstTheRightPasswordUntilTheLockEndsAndTheHolderIsToldOnce()
			throws Exception {
		for (int i = 1; i <= 10; i++) {
			signIn(loginId, WRONG).andExpect(redirectedUrl("/operator/login?error")).andExpect(unauthenticated());
		}
		signIn(loginId, OperatorFixtures.PASSPHRASE).andExpect(redirectedUrl("/operator/login?locked"))
			.andExpect(unauthenticated());
		signIn(loginId, WRONG).andExpect(redirectedUrl("/operator/login?locked"));
		assertThat(lockedForAtLeast(loginId)).isGreaterThanOrEqualTo(Duration.ofMinutes(30).minusSeconds(30));

		// A failure that raced past the check into the running lock neither extends it nor mails again.
		throttle.failed(AccountKey.operator(loginId), address);
		List<MimeMessage> mails = awaitMailTo(email);
		Thread.sleep(2_500);
		assertThat(Mails.receivedBy(mailServer, email)).hasSize(1);
		assertLockNotice(mails.get(0));
		assertThat(auditEntries("ACCOUNT_LOCKED", "operator:" + loginId)).isEqualTo(1);
		assertThat(auditEntries("LOGIN_THROTTLED", "operator:" + loginId)).isEqualTo(2);

		endTheLock(loginId);
		signIn(loginId, OperatorFixtures.PASSPHRASE).andExpect(redirectedUrl("/operator"))
			.andExpect(authenticated().withUsername(loginId));
		assertThat(failureRows(loginId)).as("a successful sign-in forgets the failures").isZero();
		assertThat(Mails.receivedBy(mailServer, email)).hasSize(1);
	}

	@Test
	void anUnknownLoginIdIsLockedAfterAsManyAttemptsWithTheSameAnswersAndNoMail() throws Exception {
		String unknown = "ops.nobody" + ThreadLocalRandom.current().nextInt(1_000_000);
		for (int i = 1; i <= 10; i++) {
			String known = answer(loginId, WRONG);
			assertThat(answer(unknown, WRONG)).as("attempt %d", i).isEqualTo(known).isEqualTo("/operator/login?error");
		}
		assertThat(answer(unknown, WRONG)).isEqualTo(answer(loginId, OperatorFixtures.PASSPHRASE))
			.isEqualTo("/operator/login?locked");
		assertThat(auditEntries("ACCOUNT_LOCKED", "operator:" + unknown)).isEqualTo(1);
		awaitMailTo(email);
		assertThat(Mails.receivedBy(mailServer, email)).as("only the real account's holder is mailed").hasSize(1);
	}

	@Test
	void aSuccessfulSignInStartsTheCountAfresh() throws Exception {
		for (int i = 1; i <= 9; i++) {
			signIn(loginId, WRONG).andExpect(redirectedUrl("/operator/login?error"));
		}
		signIn(loginId, OperatorFixtures.PASSPHRASE).andExpect(authenticated());
		// Without the reset this would be the tenth consecutive failure, and the next attempt refused.
		signIn(loginId, WRONG).andExpect(redirectedUrl("/operator/login?error"));
		signIn(loginId, OperatorFixtures.PASSPHRASE).andExpect(authenticated());
		assertThat(Mails.receivedBy(mailServer, email)).isEmpty();
	}

	@Test
	void theLoginPageSaysTryAgainLaterInJapaneseAndEnglish() throws Exception {
		mvc.perform(get("/operator/login").param("locked", ""))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("ログインの試行が多すぎるため")));
		mvc.perform(get("/operator/login").param("locked", "").header("Accept-Language", "en"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Too many sign-in attempts")));
	}

	private void assertLockNotice(MimeMessage mail) throws Exception {
		assertThat(mail.getSubject()).contains("アカウントがロックされました").contains("account has been locked");
		String body = Mails.textOf(mail);
		assertThat(body).contains(loginId, "10 回続けて失敗", address, "（日本時間）", "ロックが解除される日時",
				"心当たりがない場合", "after 10 failed sign-in attempts in a row", "Locked until", "If it was not you");
		assertThat(body).doesNotContain(OperatorFixtures.PASSPHRASE, WRONG);
	}

	private ResultActions signIn(String user, String password) throws Exception {
		return mvc.perform(post("/operator/login").with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		}).param("username", user).param("password", password));
	}

	private String answer(String user, String password) throws Exception {
		return signIn(user, password).andReturn().getResponse().getRedirectedUrl();
	}

	private List<MimeMessage> awaitMailTo(String recipient) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> Mails.receivedBy(mailServer, recipient), received -> !received.isEmpty());
	}

	private Duration lockedForAtLeast(String user) throws SQLException {
		return Duration.ofSeconds(queryLong(
				"SELECT extract(epoch FROM blocked_until - now())::bigint FROM identity.login_failure WHERE account_key = ?",
				"operator:" + user));
	}

	private long failureRows(String user) throws SQLException {
		return queryLong("SELECT count(*) FROM identity.login_failure WHERE account_key = ?", "operator:" + user);
	}

	private long auditEntries(String type, String actor) throws SQLException {
		return queryLong("SELECT count(*) FROM audit.audit_event WHERE type = ? AND actor = ?", type, actor);
	}

	/** As a DBA could: the lock's end moves into the past, as thirty minutes later it would be. */
	private void endTheLock(String user) throws SQLException {
		try (Connection owner = Databases.asOwner(environment); PreparedStatement statement = owner.prepareStatement(
				"UPDATE identity.login_failure SET blocked_until = now() - interval '1 second' WHERE account_key = ?")) {
			statement.setString(1, "operator:" + user);
			assertThat(statement.executeUpdate()).isEqualTo(1);
		}
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
