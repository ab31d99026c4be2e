package org.misemori.payment.domain;

/** A stop or resume the operator asked for that cannot be done; the key says why, for the console. */
public class CardStopRefused extends RuntimeException {

	private final String messageKey;

	public CardStopRefused(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
