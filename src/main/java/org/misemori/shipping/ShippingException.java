package org.misemori.shipping;

import org.misemori.platform.Refusal;

/**
 * Input shipping refuses, with the message key (ja/en) that says exactly what is wrong and its
 * arguments. Resolve it with {@code MessageSource.getMessage(ex, locale)}.
 */
public class ShippingException extends Refusal {

	public ShippingException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
