package org.misemori.cart.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret in a shopper's cart cookie: 256 random bits, base64url. Only its SHA-256 is
 * stored; looking a cart up by the hash is a database index lookup, not a comparison an
 * attacker could time, and the token has too many bits to guess.
 */
final class CartToken {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** 32 bytes in unpadded base64url; anything else is refused before hashing. */
	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private CartToken() {
	}

	static String create() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The stored form of a well-shaped token; empty for anything else. */
	static Optional<byte[]> hashOf(String token) {
		if (token == null || !SHAPE.matcher(token).matches()) {
			return Optional.empty();
		}
		return Optional.of(sha256(token));
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
