package org.misemori.tax;

import java.util.List;

/**
 * Input the tax calculation refuses, with the message key (ja/en) that tells the person what
 * to fix and its arguments. Thrown before any arithmetic, so a refused order has no totals.
 */
public class TaxInputException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	private final transient List<Object> arguments;

	public TaxInputException(String messageKey, Object... arguments) {
		super(messageKey + " " + List.of(arguments));
		this.messageKey = messageKey;
		this.arguments = List.of(arguments);
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.toArray();
	}

}
