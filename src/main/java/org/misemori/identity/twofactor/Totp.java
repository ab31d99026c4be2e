package org.misemori.identity.twofactor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords: HMAC-SHA1, 30-second steps, 6 digits — what every
 * authenticator app supports. Hand-written (about 40 lines on javax.crypto) because the Java
 * TOTP libraries are all dormant and the feature-rich ones drag in AWT or an old HTTP client;
 * the RFC's own test vectors check it ({@code TotpUnitTest}).
 */
final class Totp {

	static final int STEP_SECONDS = 30;

	private static final int DIGITS = 6;

	private static final int MODULUS = 1_000_000;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	static String code(byte[] key, long step, String algorithm) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, "RAW"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			String digits = Integer.toString(binary % MODULUS);
			return "0".repeat(DIGITS - digits.length()) + digits;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(algorithm + " is part of every JDK", ex);
		}
	}

	static String code(byte[] key, Instant at) {
		return code(key, at.getEpochSecond() / STEP_SECONDS, "HmacSHA1");
	}

	/**
	 * The time step the code matches, within one step of clock drift either way, and only if it
	 * is later than the last step already used: a code works once (RFC 6238 §5.2).
	 */
	static OptionalLong verify(byte[] key, String submitted, Instant now, long lastUsedStep) {
		if (submitted == null || !submitted.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long current = now.getEpochSecond() / STEP_SECONDS;
		for (long step = current - 1; step <= current + 1; step++) {
			byte[] expected = code(key, step, "HmacSHA1").getBytes(StandardCharsets.US_ASCII);
			if (step > lastUsedStep
					&& MessageDigest.isEqual(expected, submitted.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/** RFC 4648 base32 without padding, as authenticator apps expect the secret. */
	static String base32(byte[] input) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : input) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

}
