package org.misemori.platform;

import java.io.Serializable;

/**
 * A shop's database identity. Everything a shop owns carries it as {@code shop_id}.
 * Serializable: a signed-in staff member's shop travels in the session.
 */
public record ShopId(long value) implements Serializable {

	public ShopId {
		if (value <= 0) {
			throw new IllegalArgumentException("A shop id is positive: " + value);
		}
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
