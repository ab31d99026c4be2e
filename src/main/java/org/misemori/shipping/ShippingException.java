package org.misemori.shipping;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;

/**
 * Input shipping refuses, with the message key (ja/en) that says exactly what is wrong and its
 * arguments. Resolve it with {@code MessageSource.getMessage(ex, locale)}.
 */
public class ShippingException extends RuntimeException implements MessageSourceResolvable {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	private final transient Object[] arguments;

	public ShippingException(String messageKey, Object... arguments) {
		super(messageKey + Arrays.toString(arguments));
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
