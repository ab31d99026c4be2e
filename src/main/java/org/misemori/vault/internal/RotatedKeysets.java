package org.misemori.vault.internal;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/** The two changes a rotation makes to a shop's field keyset, as Tink keyset edits. */
final class RotatedKeysets {

	private RotatedKeysets() {
	}

	/** A new AES-256-GCM key, made primary; the old keys stay enabled so that all they sealed still opens. */
	static KeysetHandle withNewPrimary(KeysetHandle current) {
		try {
			return KeysetHandle.newBuilder(current)
				.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
					.withRandomId()
					.makePrimary())
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot add a new key to the keyset", ex);
		}
	}

	/** The keyset with its primary key alone: what the old keys sealed no longer opens anywhere. */
	static KeysetHandle primaryOnly(KeysetHandle current) {
		KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
		// From the end, so that the positions still to visit do not move.
		for (int i = current.size() - 1; i >= 0; i--) {
			if (!current.getAt(i).isPrimary()) {
				builder.deleteAt(i);
			}
		}
		try {
			return builder.build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot remove the old keys from the keyset", ex);
		}
	}

}
