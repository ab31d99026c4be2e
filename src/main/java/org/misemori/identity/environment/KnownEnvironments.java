package org.misemori.identity.environment;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The environments each account has signed in from, in {@code identity.known_environment}, as hashes only. */
@Component
class KnownEnvironments {

	private final JdbcClient jdbc;

	KnownEnvironments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a sign-in from {@code environmentHash}. One atomic insert, so that of two nodes
	 * seeing the same new environment at once exactly one learns that it is new.
	 * @return whether the environment was new to this account
	 */
	boolean recordSignIn(String accountKey, byte[] environmentHash, String browserFamily, Instant now) {
		boolean known = jdbc.sql("""
				UPDATE identity.known_environment SET last_seen_at = :now
				WHERE account_key = :key AND environment_hash = :hash""")
			.param("now", Timestamp.from(now))
			.param("key", accountKey)
			.param("hash", environmentHash)
			.update() == 1;
		if (known) {
			return false;
		}
		return jdbc.sql("""
				INSERT INTO identity.known_environment
				    (account_key, environment_hash, browser_family, first_seen_at, last_seen_at)
				VALUES (:key, :hash, :family, :now, :now)
				ON CONFLICT (account_key, environment_hash) DO NOTHING""")
			.param("key", accountKey)
			.param("hash", environmentHash)
			.param("family", browserFamily)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** How many environments the account had before {@code environmentHash}. */
	long othersThan(String accountKey, byte[] environmentHash) {
		return jdbc.sql("""
				SELECT count(*) FROM identity.known_environment
				WHERE account_key = :key AND environment_hash <> :hash""")
			.param("key", accountKey)
			.param("hash", environmentHash)
			.query(Long.class)
			.single();
	}

	/** Forgets an environment whose alert could not be queued, so that its next sign-in alerts. */
	void forget(String accountKey, byte[] environmentHash) {
		jdbc.sql("DELETE FROM identity.known_environment WHERE account_key = :key AND environment_hash = :hash")
			.param("key", accountKey)
			.param("hash", environmentHash)
			.update();
	}

}
