package org.misemori.identity.password;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one form in which passwords, login IDs and blocklist entries are compared and measured:
 * NFKC (so full-width "ＰＡＳＳＷＯＲＤ" is "PASSWORD"), lower case, and without the leading or
 * trailing spaces a person does not notice typing. regenerate-blocklist.sh writes the bundled
 * list in this same form.
 */
final class PasswordText {

	private PasswordText() {
	}

	static String comparable(String text) {
		String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
		// Lower-casing can leave a string NFKC would change (e.g. "İ"), so normalise once more.
		return Normalizer.normalize(compatible.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC).strip();
	}

	/** Characters as a person counts them: Unicode code points, not UTF-16 units or bytes. */
	static int length(String text) {
		return text.codePointCount(0, text.length());
	}

}
