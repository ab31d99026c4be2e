package org.misemori.identity.campaign;

/** Which accounts a campaign reaches. Operators are only in an operator's choice. */
public enum Selection {

	/** Every account in reach: members and staff (and, for an operator, operators). */
	ALL,
	MEMBERS,
	STAFF,
	OWNERS,
	OPERATORS,
	/** The login IDs and mail addresses typed into the list. */
	LIST;

	boolean members() {
		return this == ALL || this == MEMBERS;
	}

	boolean staff() {
		return this == ALL || this == STAFF;
	}

	boolean owners() {
		return this == OWNERS;
	}

	boolean operators() {
		return this == ALL || this == OPERATORS;
	}

}
