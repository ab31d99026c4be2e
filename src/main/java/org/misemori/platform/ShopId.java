package org.misemori.platform;

/** A shop's database identity. Everything a shop owns carries it as {@code shop_id}. */
public record ShopId(long value) {

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
