package org.misemori.identity;

/**
 * Something happened to a member's optional second factor; published for the audit log.
 * @param account the member, as {@code member:<shop>:<id>} (never the address)
 * @param what what happened
 * @param succeeded false for refusals (a wrong code or password)
 */
public record MemberSecondFactorEvent(String account, long shopId, What what, boolean succeeded) {

	public enum What {

		/** The member turned TOTP on (confirmed with a first code and the password). */
		ENABLED,
		/** The member turned TOTP off, with the password and a code. */
		DISABLED,
		/** A recovery code completed a sign-in. */
		RECOVERY_CODE_USED,
		/** The second step of a sign-in: a code accepted or refused. */
		SIGN_IN_CODE,
		/** A try to turn TOTP on or off refused: wrong password or code. */
		CHANGE_REFUSED

	}

}
