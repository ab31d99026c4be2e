package org.misemori.ordering;

import org.misemori.platform.Refusal;

/**
 * Input or a request that checkout or an order refuses, with the message key that tells the
 * shopper or staff exactly what is wrong, in their language; {@code field} names the form
 * field it is about, if any. Nothing was changed when it is thrown.
 */
public class OrderingException extends Refusal {

	private final String field;

	public OrderingException(String field, String messageKey, Object... arguments) {
		super(messageKey, arguments);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
