package org.misemori.identity.lockout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Consecutive failures, locks and delays per account key in {@code identity.login_failure}.
 * Every change is one atomic statement on the row, so two nodes failing at once both count,
 * and of two nodes reaching the threshold at once exactly one starts the lock.
 */
@Component
class FailureLedger {

	/** Failures this long ago are forgotten: "consecutive" means without a long quiet gap. */
	static final Duration FORGET_AFTER = Duration.ofHours(24);

	private static final int ADDRESS_MAX = 64;

	/**
	 * One more failure, atomically: the first one inserts the row, a later one adds to it. The
	 * count starts again at 1 after a quiet day or once a lock has run out (a fresh ten
	 * attempts), and a block that has ended is cleared.
	 */
	private static final String COUNT_FAILURE = """
			INSERT INTO identity.login_failure AS f (account_key, failures, last_failure_at, last_address)
			VALUES (:key, 1, :now, :address)
			ON CONFLICT (account_key) DO UPDATE SET
			    failures = CASE WHEN f.last_failure_at < :forgetBefore
			                      OR (f.locked_at IS NOT NULL AND f.blocked_until <= :now)
			                    THEN 1 ELSE f.failures + 1 END,
			    locked_at = CASE WHEN f.blocked_until <= :now THEN NULL ELSE f.locked_at END,
			    blocked_until = CASE WHEN f.blocked_until <= :now THEN NULL ELSE f.blocked_until END,
			    last_failure_at = :now,
			    last_address = :address
			RETURNING failures""";

	private final JdbcClient jdbc;

	private final Clock clock;

	FailureLedger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The lock or delay in force for this account now, if any. */
	Optional<Block> activeBlock(String accountKey) {
		return jdbc.sql("""
				SELECT blocked_until, locked_at IS NOT NULL AS locked FROM identity.login_failure
				WHERE account_key = :key AND blocked_until > :now""")
			.param("key", accountKey)
			.param("now", Timestamp.from(clock.instant()))
			.query((row, n) -> new Block(row.getTimestamp("blocked_until").toInstant(), row.getBoolean("locked")))
			.optional();
	}

	/**
	 * Counts one failure and applies the policy. Run it in a transaction: the row stays locked
	 * from the count to the lock, and the caller's notice commits with the lock.
	 * @return the lock this failure started, if it started one
	 */
	Optional<Lock> recordFailure(String accountKey, String clientAddress, FailurePolicy policy) {
		Instant now = clock.instant();
		String address = clientAddress == null ? null : truncated(clientAddress);
		int failures = jdbc.sql(COUNT_FAILURE)
			.param("key", accountKey)
			.param("now", Timestamp.from(now))
			.param("address", address)
			.param("forgetBefore", Timestamp.from(now.minus(FORGET_AFTER)))
			.query(Integer.class)
			.single();
		Duration block = policy.blockAfter(failures);
		if (block.isZero()) {
			return Optional.empty();
		}
		Instant until = now.plus(block);
		return policy.locks() ? startLock(accountKey, failures, address, now, until) : delay(accountKey, until);
	}

	/**
	 * Forgets the failures of an account that has just signed in.
	 * @return the lock that began meanwhile (on another node), if one did: then the sign-in
	 * must not complete
	 */
	Optional<Block> clear(String accountKey) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				DELETE FROM identity.login_failure
				WHERE account_key = :key AND (locked_at IS NULL OR blocked_until <= :now)""")
			.param("key", accountKey)
			.param("now", now)
			.update();
		return activeBlock(accountKey).filter(Block::locked);
	}

	/** Deletes counts that have been quiet for {@link #FORGET_AFTER} and block nothing. */
	int forgetStale() {
		Instant now = clock.instant();
		return jdbc.sql("""
				DELETE FROM identity.login_failure
				WHERE last_failure_at < :forgetBefore AND (blocked_until IS NULL OR blocked_until <= :now)""")
			.param("forgetBefore", Timestamp.from(now.minus(FORGET_AFTER)))
			.param("now", Timestamp.from(now))
			.update();
	}

	private Optional<Lock> startLock(String accountKey, int failures, String address, Instant now, Instant until) {
		// Only while no lock is in force: a failure that raced past the check into a running
		// lock neither extends it nor sends a second mail.
		int started = jdbc.sql("""
				UPDATE identity.login_failure SET locked_at = :now, blocked_until = :until
				WHERE account_key = :key AND locked_at IS NULL""")
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(until))
			.param("key", accountKey)
			.update();
		return started == 1 ? Optional.of(new Lock(failures, address, now, until)) : Optional.empty();
	}

	private Optional<Lock> delay(String accountKey, Instant until) {
		jdbc.sql("UPDATE identity.login_failure SET blocked_until = :until WHERE account_key = :key")
			.param("until", Timestamp.from(until))
			.param("key", accountKey)
			.update();
		return Optional.empty();
	}

	private static String truncated(String address) {
		return address.length() <= ADDRESS_MAX ? address : address.substring(0, ADDRESS_MAX);
	}

	/** A lock or delay: until when, and whether it is a lock. */
	record Block(Instant until, boolean locked) {

		Duration remaining(Clock clock) {
			Duration left = Duration.between(clock.instant(), until);
			return left.isNegative() ? Duration.ZERO : left;
		}

	}

	/** A lock that a failure has just started. */
	record Lock(int failures, String lastAddress, Instant lockedAt, Instant until) {
	}

}
