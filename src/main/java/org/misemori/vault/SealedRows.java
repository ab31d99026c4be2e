package org.misemori.vault;

import org.misemori.platform.ShopId;

/**
 * Rows holding a shop's sealed values, provided by each module that stores them, so that key
 * rotation can find and re-encrypt them all. The work left is exactly the values whose Tink
 * prefix ({@code 0x01} and the 4-byte key id, the first 5 bytes of the ciphertext) is not the
 * new primary key's; a value still under an old key is found again after any crash.
 * <p>
 * Both methods run in the caller's transaction as the shop ({@code TenantContext}, runtime
 * role), so the shop keeps serving while its rows are re-encrypted batch by batch.
 */
public interface SealedRows {

	/** How many rows of {@code shop} hold at least one value not under the key of {@code primaryPrefix}. */
	long remaining(ShopId shop, byte[] primaryPrefix);

	/**
	 * Re-encrypts up to {@code limit} such rows, each value through {@code resealer}, skipping
	 * rows locked by others (they are found by a later batch).
	 * @return how many rows were re-encrypted; fewer than {@code limit} when none are left
	 */
	int resealBatch(ShopId shop, byte[] primaryPrefix, int limit, Resealer resealer);

	/** The vault's side of a batch: a sealed value in, the same value sealed under the primary key out. */
	@FunctionalInterface
	interface Resealer {

		/** @return {@code sealed} unchanged when it already is under the primary key; {@code null} for {@code null} */
		byte[] reseal(FieldRef field, byte[] sealed);

	}

}
