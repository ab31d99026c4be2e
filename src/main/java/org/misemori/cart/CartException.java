package org.misemori.cart;

import org.misemori.platform.Refusal;

/**
 * Input the cart refuses, with the message key that tells the shopper exactly what is wrong,
 * in their language. Resolve it with {@code MessageSource.getMessage(ex, locale)}.
 */
public class CartException extends Refusal {

	public CartException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
