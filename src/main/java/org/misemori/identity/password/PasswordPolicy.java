package org.misemori.identity.password;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Checks a new password against NIST SP 800-63B rev. 4: a minimum length in characters for the
 * kind of account, a maximum, no composition rules (no "one capital, one digit", which only
 * yields "Password1!"), and refusal of what an attacker tries first: the blocklist, the account's
 * own login ID or email, one character repeated. Check before hashing, so that an oversized
 * password never reaches Argon2.
 */
@Component
public class PasswordPolicy {

	/** Rev. 4 asks to allow at least 64; 128 leaves room for long passphrases and bounds hashing work. */
	public static final int MAX_LENGTH = 128;

	/**
	 * No password of at most {@link #MAX_LENGTH} characters takes more UTF-16 units than this
	 * (a character outside the BMP takes two, a decomposed Hangul syllable three), so longer input
	 * is refused on its raw length, before a megabyte is normalised or hashed.
	 */
	static final int RAW_LIMIT = 4 * MAX_LENGTH;

	/**
	 * A login ID or email name this short ("ops", "ken") is refused as the whole password but not
	 * as a part of one: it turns up inside ordinary words ("stops", "kenkyuu").
	 */
	static final int MIN_PERSONAL_WORD_INSIDE = 4;

	private final PasswordBlocklist blocklist;

	PasswordPolicy(PasswordBlocklist blocklist) {
		this.blocklist = blocklist;
	}

	/** The first rule this password breaks for this account, or empty when it may be used. */
	public Optional<PasswordProblem> check(String password, PasswordContext context) {
		if (password == null) {
			return Optional.of(PasswordProblem.tooShort(context.kind().minLength()));
		}
		if (password.length() > RAW_LIMIT) {
			return Optional.of(PasswordProblem.tooLong(MAX_LENGTH));
		}
		String text = PasswordText.comparable(password);
		int length = PasswordText.length(text);
		if (length > MAX_LENGTH) {
			return Optional.of(PasswordProblem.tooLong(MAX_LENGTH));
		}
		if (length < context.kind().minLength()) {
			return Optional.of(PasswordProblem.tooShort(context.kind().minLength()));
		}
		return guessable(text, context).map(PasswordProblem::of);
	}

	private Optional<PasswordRule> guessable(String text, PasswordContext context) {
		if (text.codePoints().distinct().count() == 1) {
			return Optional.of(PasswordRule.REPEATED);
		}
		if (context.personalWords().anyMatch(word -> madeFrom(text, word))) {
			return Optional.of(PasswordRule.CONTAINS_LOGIN_ID);
		}
		if (blocklist.contains(text)) {
			return Optional.of(PasswordRule.BLOCKLISTED);
		}
		return Optional.empty();
	}

	private static boolean madeFrom(String text, String word) {
		return text.equals(word) || PasswordText.length(word) >= MIN_PERSONAL_WORD_INSIDE && text.contains(word);
	}

}
