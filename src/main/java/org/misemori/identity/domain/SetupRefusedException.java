package org.misemori.identity.domain;

/** The setup form was refused; {@link #messageKey()} says why, in the visitor's language. */
public class SetupRefusedException extends RuntimeException {

	private final String messageKey;

	SetupRefusedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
