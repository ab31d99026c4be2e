package org.misemori.identity.campaign;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.misemori.identity.domain.Sha256;

/** Reset tokens drawn in Java, shaped like the database-drawn campaign ones: 256 bits in hex. */
final class ResetTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private ResetTokens() {
	}

	static String draw() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	static byte[] hash(String token) {
		return Sha256.of(token == null ? "" : token);
	}

}
