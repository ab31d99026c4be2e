package org.misemori.platform;

/** Where a shop stands in its life. Data of a purged shop is gone; only the registry row stays. */
public enum ShopStatus {

	OPEN, CLOSED, PURGED;

	public boolean canTransitionTo(ShopStatus next) {
		return (this == OPEN && next == CLOSED) || (this == CLOSED && next == PURGED);
	}

}
