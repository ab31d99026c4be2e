package org.misemori.identity.password;

/** The rules a new password can break; each has its own message explaining why it matters. */
public enum PasswordRule {

	TOO_SHORT("password.too-short"), TOO_LONG("password.too-long"), REPEATED("password.repeated"),
	CONTAINS_LOGIN_ID("password.contains-login-id"), BLOCKLISTED("password.blocklisted");

	private final String messageKey;

	PasswordRule(String messageKey) {
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
