package org.misemori.platform;

import java.time.Instant;

public record ShopClosed(ShopId shopId, ShopCode code, int retentionDays, Instant purgeAfter, String actor) {
}
