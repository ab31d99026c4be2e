package org.misemori.identity.password;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * The account a new password is for. The login ID and the email are what an attacker who
 * targets this account knows first, so a password made from them is refused; either may be
 * null when the account has none.
 */
public record PasswordContext(AccountKind kind, String loginId, String email) {

	public PasswordContext {
		Objects.requireNonNull(kind, "kind");
	}

	/** The login ID, the email's local part and, for "name+tag@…", the name alone; comparable form. */
	Stream<String> personalWords() {
		// A word longer than any acceptable password cannot be in one: skip it rather than normalise it.
		return Stream.concat(Stream.ofNullable(loginId), localParts())
			.filter(word -> word.length() <= PasswordPolicy.RAW_LIMIT)
			.map(PasswordText::comparable)
			.filter(word -> !word.isEmpty());
	}

	private Stream<String> localParts() {
		if (email == null) {
			return Stream.empty();
		}
		int at = email.lastIndexOf('@');
		if ((at < 0 ? email.length() : at) > PasswordPolicy.RAW_LIMIT) {
			return Stream.empty();
		}
		String local = at < 0 ? email : email.substring(0, at);
		int plus = local.indexOf('+');
		return plus < 0 ? Stream.of(local) : Stream.of(local, local.substring(0, plus));
	}

}
