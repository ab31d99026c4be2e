package org.misemori.platform.domain;

/**
 * A request the operator can correct. {@link #messageKey()} names the message shown to them
 * in Japanese or English; {@link #getMessage()} is the English text for logs and tests.
 */
public class ShopAdministrationException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	ShopAdministrationException(String messageKey, String message, Object... arguments) {
		super(message);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

}
