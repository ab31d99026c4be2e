package org.misemori.identity.password;

/** Who the password is for; the minimum length follows from how the account signs in. */
public enum AccountKind {

	/** Platform operators reach every shop: rev. 4's single-factor minimum, even with a second factor. */
	OPERATOR(15),

	/** A shop's staff reach its customers' data: the same minimum as operators. */
	STAFF(15),

	/**
	 * Shoppers: rev. 4's minimum for a password that is one factor of a multi-factor sign-in; a
	 * password that signs in alone needs 15 under rev. 4.
	 */
	MEMBER(8);

	private final int minLength;

	AccountKind(int minLength) {
		this.minLength = minLength;
	}

	/** The fewest characters (Unicode code points) a password of this kind may have. */
	public int minLength() {
		return minLength;
	}

}
