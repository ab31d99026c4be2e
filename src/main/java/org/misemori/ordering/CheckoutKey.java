package org.misemori.ordering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The one-time key of a checkout: made when the confirmation page is shown, sent back with
 * "place order", stored only as its SHA-256. It makes a retry find its order, and it is what
 * opens the order-complete page, so it is 256 random bits and never logged.
 */
public final class CheckoutKey {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{43}$");

	private CheckoutKey() {
	}

	public static String create() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
	}

	public static boolean isWellFormed(String key) {
		return key != null && SHAPE.matcher(key).matches();
	}

	public static byte[] hashOf(String key) {
		if (!isWellFormed(key)) {
			throw new OrderingException("checkoutKey", "ordering.checkout.keyInvalid");
		}
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
