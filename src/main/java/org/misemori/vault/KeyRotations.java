package org.misemori.vault;

import java.util.Optional;

import org.misemori.platform.ShopId;

/**
 * Rotating a shop's field keys: a new key becomes primary at once (the old ones still open
 * what they sealed), the shop's rows are re-encrypted under it in the background, and the old
 * keys are removed when nothing needs them any more. The shop keeps serving throughout.
 */
public interface KeyRotations {

	/** Starts a rotation, or returns the one already under way for {@code shop}. */
	KeyRotationProgress start(ShopId shop, String requestedBy);

	/** The shop's most recent rotation, finished or not. */
	Optional<KeyRotationProgress> latest(ShopId shop);

}
