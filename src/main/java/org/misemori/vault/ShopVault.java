package org.misemori.vault;

import org.misemori.platform.ShopId;

/**
 * Personal data at rest: encrypted with the shop's own keys, bound to its row, found by blind
 * index. Plain values come back out only through {@link PersonalDataReader}, which records
 * every read.
 */
public interface ShopVault {

	byte[] encrypt(ShopId shop, FieldRef field, String plaintext);

	/** {@link #encrypt}, or {@code null} for a field left empty (nothing is sealed for it). */
	default byte[] encryptOptional(ShopId shop, FieldRef field, String plaintext) {
		return plaintext == null || plaintext.isBlank() ? null : encrypt(shop, field, plaintext);
	}

	/** A 32-byte keyed hash of the normalised value, per shop: equal values find each other, nothing else. */
	byte[] blindIndex(ShopId shop, BlindIndexKind kind, String value);

}
