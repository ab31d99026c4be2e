package org.misemori.identity.domain;

import java.util.List;

/** The setup form was refused; {@link #messageKey()} says why, in the visitor's language. */
public class SetupRefusedException extends RuntimeException {

	private final String messageKey;

	private final transient List<Object> arguments;

	SetupRefusedException(String messageKey, Object... arguments) {
		super(messageKey);
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
