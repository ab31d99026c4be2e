package org.misemori.storefront.web;

/** The request names no shop we know: the storefront answers with its own 404 page. */
class UnknownShopException extends RuntimeException {

	UnknownShopException() {
		super("Unknown shop");
	}

}
