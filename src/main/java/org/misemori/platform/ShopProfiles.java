package org.misemori.platform;

import java.util.Optional;

/** Reads the current shop's profile; row-level security decides which shop that is. */
public interface ShopProfiles {

	Optional<ShopProfile> current();

}
