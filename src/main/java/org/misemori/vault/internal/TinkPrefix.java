package org.misemori.vault.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The 5 bytes a Tink ciphertext starts with: {@code 0x01} (the TINK output prefix) and the
 * big-endian id of the key that made it. Which rows still need re-encrypting is therefore a
 * question SQL can answer without any key: those whose prefix is not the primary's.
 */
final class TinkPrefix {

	static final int LENGTH = 5;

	private static final byte TINK_START = 0x01;

	private TinkPrefix() {
	}

	static byte[] of(int keyId) {
		return ByteBuffer.allocate(LENGTH).put(TINK_START).putInt(keyId).array();
	}

	/** The key id a ciphertext names, or {@code null} when it has no TINK prefix. */
	static Integer keyIdOf(byte[] ciphertext) {
		if (ciphertext == null || ciphertext.length < LENGTH || ciphertext[0] != TINK_START) {
			return null;
		}
		return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
	}

	static boolean startsWith(byte[] ciphertext, byte[] prefix) {
		return ciphertext != null && ciphertext.length >= LENGTH
				&& Arrays.equals(ciphertext, 0, LENGTH, prefix, 0, LENGTH);
	}

}
