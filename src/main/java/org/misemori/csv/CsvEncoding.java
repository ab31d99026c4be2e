package org.misemori.csv;

import java.util.Optional;

/**
 * The two encodings a shop's admin chooses between: UTF-8 (written with a byte-order mark,
 * without which Excel reads it as Shift_JIS; a mark is accepted and removed on reading) and
 * Shift_JIS as Windows writes it (see {@link ShiftJis} for the characters with two readings).
 */
public enum CsvEncoding {

	UTF_8("utf-8"), SHIFT_JIS("shift_jis");

	private final String parameter;

	CsvEncoding(String parameter) {
		this.parameter = parameter;
	}

	/** How a form or URL names it: {@code utf-8} or {@code shift_jis}. */
	public String parameter() {
		return parameter;
	}

	/** The charset name for a Content-Type header. */
	public String charsetName() {
		return this == UTF_8 ? "UTF-8" : "Windows-31J";
	}

	/** From a form or URL; Shift_JIS when absent, Excel's Japanese default. */
	public static Optional<CsvEncoding> fromParameter(String value) {
		if (value == null || value.isBlank()) {
			return Optional.of(SHIFT_JIS);
		}
		for (CsvEncoding encoding : values()) {
			if (encoding.parameter.equalsIgnoreCase(value.strip())) {
				return Optional.of(encoding);
			}
		}
		return Optional.empty();
	}

}
