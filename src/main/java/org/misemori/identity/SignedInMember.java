package org.misemori.identity;

import java.util.Optional;

import org.misemori.platform.ShopId;

/**
 * The member signed in on the current request, for the modules that serve shoppers (checkout,
 * order history, points): only their id, and only in the shop they signed in to.
 */
public interface SignedInMember {

	Optional<Long> idIn(ShopId shop);

}
