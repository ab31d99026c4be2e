package org.misemori.identity;

/**
 * Something happened to or with a passkey; published for the audit log. {@code account} is the
 * account key ({@code staff:<shop>:<login ID>}, {@code operator:<login ID>},
 * {@code member:<shop>:<member id>}); {@code shopId} is null for operators.
 */
public record PasskeyActivity(What what, String account, Long shopId, String clientAddress) {

	public enum What {

		/** A passkey was registered (after a recent second factor; the holder was mailed). */
		REGISTERED,
		/** A passkey was deleted by its holder (likewise). */
		REMOVED,
		/** A passkey signed in (members) or gave the second factor (staff, operators). */
		SIGNED_IN,
		/** A passkey assertion was refused: unknown, someone else's, another shop's, or forged. */
		REFUSED

	}

}
