package org.misemori.vault;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What a blind index is over, and how its input is normalised first, so that the ways one
 * person writes one address (full-width, capitals, spaces, hyphens) find the same row.
 */
public enum BlindIndexKind {

	EMAIL {
		@Override
		public String normalise(String value) {
			return nfkc(value).toLowerCase(Locale.ROOT);
		}
	},
	/** Digits only; a Japanese number given as +81 is written from its leading 0. */
	PHONE {
		@Override
		public String normalise(String value) {
			String digits = nfkc(value).replaceAll("[^0-9+]", "");
			return digits.startsWith("+81") ? "0" + digits.substring(3) : digits.replace("+", "");
		}
	};

	public abstract String normalise(String value);

	private static String nfkc(String value) {
		return Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
	}

}
