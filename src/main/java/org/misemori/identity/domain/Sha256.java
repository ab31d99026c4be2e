package org.misemori.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of text, for what is stored in place of a high-entropy secret (link tokens, recovery
 * codes, session secrets) and for keys that must not hold the text itself. Not for passwords:
 * those are Argon2id's.
 */
public final class Sha256 {

	private Sha256() {
	}

	public static byte[] of(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	public static String hex(String text) {
		return HexFormat.of().formatHex(of(text));
	}

}
