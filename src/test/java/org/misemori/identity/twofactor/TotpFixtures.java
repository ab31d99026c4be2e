package org.misemori.identity.twofactor;

import java.io.ByteArrayOutputStream;
import java.time.Instant;

/** What an authenticator app does with the secret a page shows: tests use it to sign in for real. */
public final class TotpFixtures {

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private TotpFixtures() {
	}

	/** The current code for a secret as shown on the enrolment page (grouped, upper-case base32). */
	public static String currentCode(String shownSecret) {
		return Totp.code(decode(shownSecret.replace(" ", "")), Instant.now());
	}

	/** A code from {@code stepsAhead} time steps from now, for tests that need a second, unused code. */
	public static String codeStepsAhead(String shownSecret, int stepsAhead) {
		return Totp.code(decode(shownSecret.replace(" ", "")), Instant.now().plusSeconds(30L * stepsAhead));
	}

	private static byte[] decode(String base32) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : base32.toCharArray()) {
			buffer = (buffer << 5) | BASE32.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

}
