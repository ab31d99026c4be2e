package org.misemori.ordering;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;

/**
 * Input or a request that checkout or an order refuses, with the message key that tells the
 * shopper or staff exactly what is wrong, in their language; {@code field} names the form
 * field it is about, if any. Nothing was changed when it is thrown.
 */
public class OrderingException extends RuntimeException implements MessageSourceResolvable {

	private final String field;

	private final String messageKey;

	private final transient Object[] arguments;

	public OrderingException(String field, String messageKey, Object... arguments) {
		super(messageKey + Arrays.toString(arguments));
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public String field() {
		return field;
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
