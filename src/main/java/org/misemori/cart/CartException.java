package org.misemori.cart;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;

/**
 * Input the cart refuses, with the message key that tells the shopper exactly what is wrong,
 * in their language. Resolve it with {@code MessageSource.getMessage(ex, locale)}.
 */
public class CartException extends RuntimeException implements MessageSourceResolvable {

	private final String messageKey;

	private final transient Object[] arguments;

	public CartException(String messageKey, Object... arguments) {
		super(messageKey + Arrays.toString(arguments), null, false, false);
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public String messageKey() {
		return messageKey;
	}

	@Override
	public String[] getCodes() {
		return new String[] { messageKey };
	}

	@Override
	public Object[] getArguments() {
		return arguments.clone();
	}

	@Override
	public String getDefaultMessage() {
		return messageKey;
	}

}
