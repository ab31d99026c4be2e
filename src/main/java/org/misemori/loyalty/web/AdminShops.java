package org.misemori.loyalty.web;

import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The signed-in staff member's shop, for the admin bar; staff names are {@code <shop code>/<login ID>}. */
@Component
class AdminShops {

	private final ShopDirectory shops;

	AdminShops(ShopDirectory shops) {
		this.shops = shops;
	}

	Shop of(Authentication authentication) {
		String name = authentication.getName();
		return shops.findByCode(name.substring(0, Math.max(name.indexOf('/'), 0)))
			.orElseThrow(() -> new AccessDeniedException("Shop gone"));
	}

}
