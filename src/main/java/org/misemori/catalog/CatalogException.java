package org.misemori.catalog;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;

/**
 * Input the catalog refuses, with the message key that tells the owner (or shopper) exactly
 * what is wrong, in their language. Resolve it with {@code MessageSource.getMessage(ex, locale)}.
 */
public class CatalogException extends RuntimeException implements MessageSourceResolvable {

	private final String messageKey;

	private final transient Object[] arguments;

	public CatalogException(String messageKey, Object... arguments) {
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
