package org.misemori.vault;

/**
 * Seals secrets that must not be usable from a copy of the database: the key lives outside
 * it. {@code context} is bound into the ciphertext as associated data (e.g.
 * {@code "totp:operator:7"}), so a ciphertext moved to another row does not open.
 */
public interface SecretBox {

	byte[] seal(byte[] plaintext, String context);

	byte[] open(byte[] ciphertext, String context);

}
