package org.misemori.vault;

import org.misemori.platform.ShopId;

/**
 * Personal data at rest: encrypted with the shop's own keys, bound to its row, found by blind
 * index. Everything outside this module sees plain values only through here.
 */
public interface ShopVault {

	byte[] encrypt(ShopId shop, FieldRef field, String plaintext);

	/** @throws SealedFieldMismatchException if the ciphertext does not belong to this shop and field */
	String decrypt(ShopId shop, FieldRef field, byte[] ciphertext);

	/** A 32-byte keyed hash of the normalised value, per shop: equal values find each other, nothing else. */
	byte[] blindIndex(ShopId shop, BlindIndexKind kind, String value);

}
