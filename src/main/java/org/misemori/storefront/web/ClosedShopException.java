package org.misemori.storefront.web;

import org.misemori.platform.ShopRequest;

/** The shop of the request has closed. */
final class ClosedShopException extends RuntimeException {

	private final transient ShopRequest shop;

	ClosedShopException(ShopRequest shop) {
		super("shop " + shop.shop().code() + " is closed", null, false, false);
		this.shop = shop;
	}

	ShopRequest shop() {
		return shop;
	}

}
