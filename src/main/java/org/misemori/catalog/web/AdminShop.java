package org.misemori.catalog.web;

import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/**
 * The signed-in staff member's shop, for the admin bar. Staff principals are named
 * {@code <shop code>/<login id>}; the data itself is kept to the shop by the tenant context
 * the admin's security chain sets, not by this.
 */
final class AdminShop {

	private AdminShop() {
	}

	static Shop of(Authentication authentication, ShopDirectory shops) {
		String name = authentication.getName();
		int slash = name.indexOf('/');
		return shops.findByCode(slash < 0 ? "" : name.substring(0, slash))
			.orElseThrow(() -> new AccessDeniedException("Shop gone"));
	}

}
