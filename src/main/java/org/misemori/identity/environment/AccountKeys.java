package org.misemori.identity.environment;

import org.misemori.identity.lockout.AccountKey;

/**
 * Reads back a stored {@link AccountKey#id()} of an operator or staff account. Login IDs never
 * contain a colon (see {@code CredentialRules}), so the parts split cleanly.
 */
final class AccountKeys {

	private AccountKeys() {
	}

	static AccountKey parse(String id) {
		String[] parts = id.split(":", -1);
		if (parts.length == 2 && "operator".equals(parts[0])) {
			return AccountKey.operator(parts[1]);
		}
		if (parts.length == 3 && "staff".equals(parts[0])) {
			return AccountKey.staff(Long.parseLong(parts[1]), parts[2]);
		}
		throw new IllegalArgumentException("Not an operator or staff account key: " + id);
	}

}
