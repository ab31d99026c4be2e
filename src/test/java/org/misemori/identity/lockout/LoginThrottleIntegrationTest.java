package org.misemori.identity.lockout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.lockout.Admission.Refusal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle as every sign-in flow uses it, against the real database. "Nodes" are throttles
 * built from scratch on connections of their own, as two application instances would be: they
 * share nothing but PostgreSQL.
 */
@MisemoriIntegrationTest
class LoginThrottleIntegrationTest {

	@Autowired
	Environment environment;

	@Autowired
	LockNotice notice;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Clock clock;

	@Autowired
	LoginThrottle throttle;

	@Test
	void failuresOnTwoNodesCountTogetherAndBothThenRefuse() throws SQLException {
		LoginThrottle first = node();
		LoginThrottle second = node();
		AccountKey account = AccountKey.staff(7, "tencho-" + UUID.randomUUID());
		for (int i = 1; i <= 10; i++) {
			LoginThrottle node = i % 2 == 0 ? second : first;
			assertThat(node.admit(account, "203.0.113.10").isAllowed()).as("attempt %d", i).isTrue();
			node.failed(account, "203.0.113.10");
		}
		for (LoginThrottle node : List.of(first, second, node())) {
			Admission admission = node.admit(account, "203.0.113.11");
			assertThat(admission.refusal()).isEqualTo(Refusal.LOCKED);
			assertThat(admission.retryAfter()).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
		}
		assertThat(queryLong("SELECT failures FROM identity.login_failure WHERE account_key = ?", account.id())).isEqualTo(10);
	}

	@Test
	void theAccountBudgetIsSharedByTheNodes() {
		LoginThrottle first = node();
		LoginThrottle second = node();
		AccountKey account = AccountKey.operator("ops.burst-" + UUID.randomUUID().toString().substring(0, 8));
		// Admitted but not yet answered, as parallel attempts would be: the bucket, not the lock, stops them.
		for (int i = 1; i <= 15; i++) {
			assertThat((i % 2 == 0 ? second : first).admit(account, "203.0.113." + (20 + i)).isAllowed()).isTrue();
		}
		assertThat(first.admit(account, "203.0.113.40").refusal()).isEqualTo(Refusal.ACCOUNT_LIMIT);
		assertThat(second.admit(account, "203.0.113.41").refusal()).isEqualTo(Refusal.ACCOUNT_LIMIT);
	}

	@Test
	void oneAddressTryingManyAccountNamesIsStoppedAtItsBudget() throws SQLException {
		String stuffer = "203.0.113.50";
		List<Refusal> answers = new ArrayList<>();
		for (int i = 1; i <= 31; i++) {
			AccountKey account = AccountKey.staff(7, "victim-" + i + "-" + UUID.randomUUID());
			Admission admission = throttle.admit(account, stuffer);
			answers.add(admission.refusal());
			if (admission.isAllowed()) {
				throttle.failed(account, stuffer);
			}
		}
		assertThat(answers.subList(0, 30)).containsOnlyNulls();
		assertThat(answers.get(30)).isEqualTo(Refusal.ADDRESS_LIMIT);
		assertThat(node().admit(AccountKey.staff(7, "someone-else"), stuffer).refusal()).as("on another node too")
			.isEqualTo(Refusal.ADDRESS_LIMIT);
		assertThat(throttle.admit(AccountKey.staff(7, "someone-else"), "203.0.113.51").isAllowed())
			.as("another address").isTrue();
		assertThat(queryLong("SELECT count(*) FROM audit.audit_event WHERE type = 'LOGIN_THROTTLED' AND detail LIKE ?",
				"ADDRESS_LIMIT%")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void anIpv6AttackerCannotStartAFreshBudgetWithEachAddressOfTheirSlash64() {
		for (int i = 1; i <= 30; i++) {
			assertThat(throttle.admit(AccountKey.operator("v6-" + i), "2001:db8:77:1::" + Integer.toHexString(i))
				.isAllowed()).isTrue();
		}
		assertThat(throttle.admit(AccountKey.operator("v6-31"), "2001:db8:77:1:ffff::1").refusal())
			.isEqualTo(Refusal.ADDRESS_LIMIT);
	}

	@Test
	void membersAreSlowedDownNeverLocked() throws SQLException {
		AccountKey member = AccountKey.member(7, "blind-" + UUID.randomUUID());
		for (int i = 1; i <= 4; i++) {
			assertThat(throttle.admit(member, "203.0.113.60").isAllowed()).isTrue();
			throttle.failed(member, "203.0.113.60");
		}
		assertThat(throttle.admit(member, "203.0.113.60").isAllowed()).isTrue();
		throttle.failed(member, "203.0.113.60");
		Admission fifth = throttle.admit(member, "203.0.113.60");
		assertThat(fifth.refusal()).isEqualTo(Refusal.DELAYED);
		assertThat(fifth.retryAfter()).isLessThanOrEqualTo(Duration.ofSeconds(1));

		for (int i = 6; i <= 30; i++) {
			throttle.failed(member, "203.0.113.60");
		}
		Admission later = throttle.admit(member, "203.0.113.60");
		assertThat(later.refusal()).isEqualTo(Refusal.DELAYED);
		assertThat(later.retryAfter()).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
		assertThat(queryLong("SELECT count(*) FROM identity.login_failure WHERE account_key = ? AND locked_at IS NOT NULL",
				member.id())).isZero();
	}

	@Test
	void aSignInThatSucceedsWhileALockBeganElsewhereIsRefused() throws SQLException {
		AccountKey account = AccountKey.staff(7, "racer-" + UUID.randomUUID());
		assertThat(throttle.admit(account, "203.0.113.70").isAllowed()).isTrue();
		LoginThrottle other = node();
		for (int i = 1; i <= 10; i++) {
			other.failed(account, "203.0.113.71");
		}
		assertThat(throttle.succeeded(account, "203.0.113.70").refusal()).isEqualTo(Refusal.LOCKED);
		assertThat(queryLong("SELECT failures FROM identity.login_failure WHERE account_key = ?", account.id()))
			.as("the lock and its count stay").isEqualTo(10);
	}

	/** A throttle built as another application instance would build it, on its own connections. */
	private LoginThrottle node() {
		DataSource dataSource = new DriverManagerDataSource(environment.getRequiredProperty("spring.datasource.url"),
				"misemori_app", "");
		return new LoginThrottle(new RateLimits(dataSource), new FailureLedger(JdbcClient.create(dataSource), clock), notice,
				new JdbcTransactionManager(dataSource), events, clock);
	}

	private long queryLong(String sql, String argument) throws SQLException {
		try (Connection owner = Databases.asOwner(environment); PreparedStatement statement = owner.prepareStatement(sql)) {
			statement.setString(1, argument);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getLong(1) : -1;
			}
		}
	}

}
