package org.misemori.identity.twofactor;

import java.util.List;
import java.util.Optional;

/**
 * Where one account's TOTP seed and recovery codes are kept. Operators and shop staff keep
 * them in different tables under different database roles; the rules over them are one
 * ({@link TotpFactor}). Implementations bind every value; their SQL names fixed tables.
 */
interface TotpRecords {

	/** The associated data that binds the sealed seed to this account. */
	String sealContext();

	boolean isEnrolled();

	/** Stores a fresh, unconfirmed seed; false if a confirmed one exists (never replaced). */
	boolean storePending(byte[] sealedSecret);

	/** The sealed seed and last used step, of the confirmed or of the pending enrolment. */
	Optional<StoredSecret> load(boolean confirmed);

	/** Moves the last used step forward, atomically; false if another request got there first. */
	boolean useStep(long step, boolean confirm);

	void replaceRecoveryCodes(List<byte[]> codeHashes);

	boolean useRecoveryCode(byte[] codeHash);

	record StoredSecret(byte[] sealed, long lastUsedStep) {
	}

}
