package org.misemori.vault;

/**
 * A ciphertext did not decrypt for the shop and field it was read from: it was moved from
 * another row or shop, altered, or its shop's keys were destroyed. Never answered with
 * anything but this; there is no fallback to plaintext.
 */
public class SealedFieldMismatchException extends RuntimeException {

	public SealedFieldMismatchException(String message, Throwable cause) {
		super(message, cause);
	}

}
