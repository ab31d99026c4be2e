package org.misemori.identity.domain;

/** Why a setup token was refused; each has its own message for the person holding it. */
public enum SetupTokenProblem {

	UNKNOWN("setup.token.unknown"), USED("setup.token.used"), SUPERSEDED("setup.token.superseded"),
	EXPIRED("setup.token.expired"), SETUP_DONE("setup.token.done");

	private final String messageKey;

	SetupTokenProblem(String messageKey) {
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
