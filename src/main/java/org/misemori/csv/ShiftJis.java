package org.misemori.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Shift_JIS as Excel on Windows writes it (windows-31j, MS932), made to round-trip.
 * <p>
 * Six JIS X 0208 characters have two Unicode readings: the JIS one (WAVE DASH 〜 U+301C, MINUS
 * SIGN − U+2212, ¢ £ ¬) and Microsoft's full-width one (～ U+FF5E, － U+FF0D, ￠ ￡ ￢). Both are
 * written as the same two bytes (0x8160, 0x817C, 0x8191, 0x8192, 0x81CA) and read back as the
 * JIS character: the one NFKC leaves alone, and so the one our member forms keep (they fold
 * ～ to "~"). So a value that holds the JIS character comes back identical; a Microsoft
 * full-width one comes back as its JIS twin (Excel shows the same glyph). ‐ U+2010 is in
 * windows-31j as itself.
 * <p>
 * Java's encoder also "best-fits" characters windows-31j lacks (¥ → \, « → ≪, µ → μ, ゔ → ヴ,
 * …): those would come back changed, so they count as unencodable, like 𠮷 or an emoji, and
 * are reported rather than turned into something else or '?'.
 */
final class ShiftJis {

	static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	/** JIS reading → the Microsoft twin windows-31j encodes to the same bytes. */
	private static final Map<Character, Character> JIS_TO_MICROSOFT = Map.of('\u301C', '\uFF5E', '\u2212', '\uFF0D',
			'\u00A2', '\uFFE0', '\u00A3', '\uFFE1', '\u00AC', '\uFFE2');

	private static final Map<Character, Character> MICROSOFT_TO_JIS = Map.of('\uFF5E', '\u301C', '\uFF0D', '\u2212',
			'\uFFE0', '\u00A2', '\uFFE1', '\u00A3', '\uFFE2', '\u00AC');

	private ShiftJis() {
	}

	/** The index of the first character that cannot be written and read back, if any. */
	static OptionalInt firstUnencodable(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (!encodable(text.charAt(i))) {
				return OptionalInt.of(i);
			}
		}
		return OptionalInt.empty();
	}

	static boolean encodable(char c) {
		if (c < 0x80) {
			return true;
		}
		char written = JIS_TO_MICROSOFT.getOrDefault(c, c);
		if (Character.isSurrogate(written) || !WINDOWS_31J.newEncoder().canEncode(written)) {
			return false;
		}
		String back = toJis(new String(String.valueOf(written).getBytes(WINDOWS_31J), WINDOWS_31J));
		return back.equals(String.valueOf(MICROSOFT_TO_JIS.getOrDefault(c, c)));
	}

	/** Bytes of text already checked with {@link #firstUnencodable}. */
	static byte[] encode(String text) {
		StringBuilder written = new StringBuilder(text.length());
		text.chars().forEach(c -> written.append(JIS_TO_MICROSOFT.getOrDefault((char) c, (char) c)));
		CharsetEncoder encoder = WINDOWS_31J.newEncoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			ByteBuffer bytes = encoder.encode(CharBuffer.wrap(written));
			byte[] out = new byte[bytes.remaining()];
			bytes.get(out);
			return out;
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("Not checked for Shift_JIS first", ex);
		}
	}

	/** windows-31j's reading with the five folded characters given their JIS reading. */
	static String toJis(String decoded) {
		StringBuilder text = new StringBuilder(decoded.length());
		decoded.chars().forEach(c -> text.append(MICROSOFT_TO_JIS.getOrDefault((char) c, (char) c)));
		return text.toString();
	}

}
