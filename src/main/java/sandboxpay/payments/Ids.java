package sandboxpay.payments;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Identifiers a shopper's browser or a merchant holds: 128 random bits, so none can be guessed. */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	public static String next(String prefix) {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return prefix + HexFormat.of().formatHex(bytes);
	}

	/** Digits for a konbini payment number; not a secret, only unique enough to read at a till. */
	static String digits(int count) {
		StringBuilder digits = new StringBuilder(count);
		for (int i = 0; i < count; i++) {
			digits.append(RANDOM.nextInt(10));
		}
		return digits.toString();
	}

}
