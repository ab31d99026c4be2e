package org.misemori.vault;

import org.misemori.platform.ShopId;

/** A shop's new field key became primary; {@code rowsToReseal} rows were under older keys then. */
public record KeyRotationStarted(ShopId shopId, long rotationId, String requestedBy, int newKeyId, long rowsToReseal) {
}
