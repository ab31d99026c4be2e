package org.misemori.platform;

import java.time.Instant;
import java.util.Map;

/** A shop's data is gone; only its registry row (code, name, dates) stays. */
public record ShopPurged(ShopId shopId, ShopCode code, Instant purgedAt, Map<String, Integer> erased) {

	public int rowsErased() {
		return erased.values().stream().mapToInt(Integer::intValue).sum();
	}

}
