package org.misemori.vault;

import org.misemori.platform.ShopId;

/** Every row of the shop is under the new key and the old keys are removed from its keyset. */
public record KeyRotationFinished(ShopId shopId, long rotationId, long rowsResealed, long workMillis,
		double rowsPerSecond, int keysRemoved) {
}
