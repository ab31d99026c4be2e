package org.misemori.shipping;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A CSV file in windows-31j (Microsoft's Shift_JIS, what the carriers' Windows software reads)
 * with CRLF line ends. Look-alike characters that Unicode and windows-31j disagree on are
 * mapped first (WAVE DASH 〜 to ～, MINUS SIGN to －, …), as a Japanese keyboard on Windows would
 * have typed them; a character windows-31j still lacks (𠮷, emoji) is refused with the order and
 * column named rather than written as '?', and so is a value longer than the carrier's column.
 */
final class SlipCsv {

	private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	private static final Map<Character, Character> LOOK_ALIKES = Map.of('\u301C', '\uFF5E', // 〜 WAVE DASH → ～
			'\u2212', '\uFF0D', // − MINUS SIGN → －
			'\u2013', '\uFF0D', // – EN DASH → －
			'\u2014', '\u2015', // — EM DASH → ―
			'\u2016', '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥
			'\u00A0', ' '); // NO-BREAK SPACE

	private final StringBuilder text = new StringBuilder();

	SlipCsv(List<String> header) {
		line(header);
	}

	Row row(String orderNumber) {
		return new Row(orderNumber);
	}

	byte[] bytes() {
		CharsetEncoder encoder = encoder();
		try {
			ByteBuffer encoded = encoder.encode(CharBuffer.wrap(text));
			return Arrays.copyOf(encoded.array(), encoded.limit());
		}
		catch (CharacterCodingException impossible) {
			// Every value was checked one by one when it was added.
			throw new IllegalStateException(impossible);
		}
	}

	private void line(List<String> values) {
		text.append(String.join(",", values.stream().map(SlipCsv::quoted).toList())).append("\r\n");
	}

	/** Quoted only when the value needs it, so plain values read the same in any CSV reader. */
	private static String quoted(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

	private static CharsetEncoder encoder() {
		return WINDOWS_31J.newEncoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** One slip's line, column by column. */
	final class Row {

		private final String orderNumber;

		private final List<String> values = new ArrayList<>();

		private Row(String orderNumber) {
			this.orderNumber = orderNumber;
		}

		/** A value checked for windows-31j and for the column's width in bytes (a full-width character is 2). */
		Row text(String column, String value, int maxBytes) {
			String normalised = normalise(value == null ? "" : value.strip());
			CharsetEncoder encoder = encoder();
			normalised.codePoints().forEach(codePoint -> {
				if (!encoder.canEncode(new String(Character.toChars(codePoint)))) {
					throw new ShippingException("shipping.slip.unencodable", orderNumber, column,
							new String(Character.toChars(codePoint)), String.format("U+%04X", codePoint));
				}
			});
			if (normalised.getBytes(WINDOWS_31J).length > maxBytes) {
				throw new ShippingException("shipping.slip.tooLong", orderNumber, column, maxBytes / 2, maxBytes);
			}
			values.add(normalised);
			return this;
		}

		/** A value this code made itself (codes, digits, dates): nothing to check. */
		Row fixed(String value) {
			values.add(value);
			return this;
		}

		Row empty(int columns) {
			for (int i = 0; i < columns; i++) {
				values.add("");
			}
			return this;
		}

		void end(int expectedColumns) {
			if (values.size() != expectedColumns) {
				throw new IllegalStateException(values.size() + " columns instead of " + expectedColumns);
			}
			line(values);
		}

		private static String normalise(String value) {
			StringBuilder out = new StringBuilder(value.length());
			for (char c : value.toCharArray()) {
				// A line break or tab inside a field would split the slip in the carrier's importer.
				out.append(c == '\r' || c == '\n' || c == '\t' ? ' ' : LOOK_ALIKES.getOrDefault(c, c));
			}
			return out.toString();
		}

	}

}
