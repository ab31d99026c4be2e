package org.misemori.identity.twofactor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpUnitTest {

	private static final byte[] RFC_SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] RFC_SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

	@Test
	void matchesTheRfc6238TestVectors() {
		// RFC 6238 appendix B, truncated to 6 digits.
		assertThat(Totp.code(RFC_SHA1_KEY, 59 / 30, "HmacSHA1")).isEqualTo("287082");
		assertThat(Totp.code(RFC_SHA1_KEY, 1111111109L / 30, "HmacSHA1")).isEqualTo("081804");
		assertThat(Totp.code(RFC_SHA1_KEY, 20000000000L / 30, "HmacSHA1")).isEqualTo("353130");
		assertThat(Totp.code(RFC_SHA256_KEY, 59 / 30, "HmacSHA256")).isEqualTo("119246");
	}

	@Test
	void acceptsOneStepOfDriftAndEachStepOnlyOnce() {
		Instant now = Instant.ofEpochSecond(1_800_000_000L);
		long step = now.getEpochSecond() / 30;
		String previous = Totp.code(RFC_SHA1_KEY, step - 1, "HmacSHA1");
		assertThat(Totp.verify(RFC_SHA1_KEY, previous, now, 0)).hasValue(step - 1);
		assertThat(Totp.verify(RFC_SHA1_KEY, previous, now, step - 1)).as("replayed").isEmpty();
		String tooOld = Totp.code(RFC_SHA1_KEY, step - 2, "HmacSHA1");
		assertThat(Totp.verify(RFC_SHA1_KEY, tooOld, now, 0)).isEmpty();
	}

	@Test
	void refusesAnythingButSixDigits() {
		Instant now = Instant.ofEpochSecond(1_800_000_000L);
		for (String bad : new String[] { null, "", "12345", "1234567", "12a456", " 123456" }) {
			assertThat(Totp.verify(RFC_SHA1_KEY, bad, now, 0)).as(String.valueOf(bad)).isEmpty();
		}
	}

	@Test
	void encodesBase32AsRfc4648() {
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Totp.base32(new byte[0])).isEmpty();
	}

}
