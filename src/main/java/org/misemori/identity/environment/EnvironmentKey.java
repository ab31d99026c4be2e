package org.misemori.identity.environment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The HMAC-SHA256 key that signs device cookies and hashes environments, made by the migration
 * and read on first use rather than at start (the bean may be created before Flyway has run).
 * Each use names its purpose, so a cookie signature can never be replayed as an environment
 * hash or the other way round.
 */
@Component
class EnvironmentKey {

	private final JdbcClient jdbc;

	/** Two threads loading it at once read the same row: no lock needed. */
	private final AtomicReference<SecretKeySpec> key = new AtomicReference<>();

	EnvironmentKey(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	byte[] mac(String purpose, String... parts) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			mac.update(purpose.getBytes(StandardCharsets.UTF_8));
			for (String part : parts) {
				// A separator that cannot occur in any part keeps ("ab", "c") apart from ("a", "bc").
				mac.update((byte) 0);
				mac.update(part.getBytes(StandardCharsets.UTF_8));
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private SecretKeySpec key() {
		return key.updateAndGet(loaded -> loaded != null ? loaded
				: new SecretKeySpec(jdbc.sql("SELECT secret FROM identity.environment_key WHERE id = 1")
					.query(byte[].class)
					.single(), "HmacSHA256"));
	}

}
