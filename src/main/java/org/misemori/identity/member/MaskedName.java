package org.misemori.identity.member;

/**
 * A name shown so that staff can tell members apart without reading it: the first character
 * stays, the rest become ＊ ({@code 山田 花子} → {@code 山＊＊ ＊＊}), spaces kept.
 */
final class MaskedName {

	private MaskedName() {
	}

	static String of(String name) {
		StringBuilder masked = new StringBuilder();
		name.codePoints().forEach(c -> {
			boolean first = masked.isEmpty();
			masked.append(first || Character.isWhitespace(c) ? Character.toString(c) : "＊");
		});
		return masked.toString();
	}

}
