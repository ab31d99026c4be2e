package org.misemori.platform;

import java.util.Optional;

/** Reads and changes the current shop's profile; row-level security decides which shop that is. */
public interface ShopProfiles {

	Optional<ShopProfile> current();

	/**
	 * Saves {@code profile} (already validated by the caller) as the current shop's, and publishes
	 * {@link ShopProfileChanged} naming the fields that changed; an unchanged save records nothing.
	 * @param changedBy as {@code <shop code>/<login ID>}
	 */
	void update(ShopProfile profile, String changedBy);

}
