package org.misemori.identity.lockout;

import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.springframework.stereotype.Component;

/**
 * Token buckets in {@code identity.login_bucket}, through Bucket4j's select-for-update proxy
 * manager: each use is one short transaction that locks the bucket's row, so any number of
 * nodes share one count. Nothing is cached in the JVM.
 */
@Component
class RateLimits {

	/**
	 * Raise when a limit in {@link SignInLimits} changes: stored buckets then take the new
	 * configuration, keeping the share of tokens they had, instead of their old one.
	 */
	private static final long CONFIGURATION_VERSION = 1;

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	RateLimits(DataSource dataSource) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("identity.login_bucket")
			// A bucket that has refilled completely is the same as no bucket: its row may go.
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	/** Takes one attempt; if the bucket was empty, how long until it holds one again. */
	Optional<Duration> take(String key, BucketConfiguration limit) {
		ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** Returns the attempt taken for a sign-in that turned out to be genuine. */
	void giveBack(String key, BucketConfiguration limit) {
		bucket(key, limit).addTokens(1);
	}

	/** Deletes up to {@code batch} rows of buckets that have refilled; how many went. */
	int removeExpired(int batch) {
		return buckets.removeExpired(batch);
	}

	private BucketProxy bucket(String key, BucketConfiguration limit) {
		return buckets.builder()
			.withImplicitConfigurationReplacement(CONFIGURATION_VERSION, TokensInheritanceStrategy.PROPORTIONALLY)
			.build(key, () -> limit);
	}

}
