package org.misemori.catalog.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of stored image bytes: their name, and what makes them cacheable for ever. */
final class Sha256Digest {

	private Sha256Digest() {
	}

	static byte[] of(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
