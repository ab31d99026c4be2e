package org.misemori.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for card numbers and security codes in bytes. Each number is looked for as digits only,
 * grouped by four with a space, a dash, a '+' or '%20' (the last two: a form's URL encoding of a
 * space), in ASCII/UTF-8 and in UTF-16LE. A security code is looked for only as a whole token
 * (no letter or digit on either side), in ASCII/UTF-8: see {@code NoCardDataIT} for why that is
 * enough and why the codes typed are unusual four-digit ones. Bytes are read as ISO-8859-1, one
 * character per byte, so binary files (PostgreSQL's heap and WAL) are searched as they are.
 */
final class CardDataScanner {

	/** Where a needle was found: the source, which needle, and what surrounds it (printable only). */
	record Finding(String source, String needle, String context) {

		@Override
		public String toString() {
			return source + ": " + needle + " in …" + context + "…";
		}

	}

	private final List<String> numberForms = new ArrayList<>();

	private final List<Pattern> codes = new ArrayList<>();

	CardDataScanner(List<String> numbers, List<String> securityCodes) {
		for (String number : numbers) {
			String digits = number.replaceAll("\\D", "");
			for (String separator : List.of("", " ", "-", "+", "%20")) {
				String grouped = String.join(separator, digits.split("(?<=\\G.{4})"));
				numberForms.add(grouped);
				numberForms.add(latin1(grouped.getBytes(StandardCharsets.UTF_16LE)));
			}
		}
		securityCodes.forEach(code -> codes.add(Pattern.compile("(?<![0-9A-Za-z])" + code + "(?![0-9A-Za-z])")));
	}

	List<Finding> scan(String source, byte[] bytes) {
		return scan(source, latin1(bytes));
	}

	List<Finding> scan(String source, String text) {
		List<Finding> findings = new ArrayList<>();
		for (String form : numberForms) {
			int at = text.indexOf(form);
			if (at >= 0) {
				findings.add(new Finding(source, printable(form), context(text, at, form.length())));
			}
		}
		for (Pattern code : codes) {
			Matcher matcher = code.matcher(text);
			if (matcher.find()) {
				findings.add(new Finding(source, code.pattern(), context(text, matcher.start(), 4)));
			}
		}
		return findings;
	}

	/** Every regular file under {@code root}, whole, as bytes. */
	List<Finding> scanTree(Path root) throws IOException {
		List<Finding> findings = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			files.filter(Files::isRegularFile).forEach(file -> {
				try {
					findings.addAll(scan(root.relativize(file).toString(), Files.readAllBytes(file)));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		return findings;
	}

	/**
	 * Text that carries bytes in PostgreSQL's hex form ({@code \x…}: bytea columns, as
	 * {@code row_to_json} writes them) is searched again with those bytes decoded, so card data
	 * inside a serialized value (a session attribute, say) cannot hide in its hex spelling.
	 */
	List<Finding> scanWithHexDecoded(String source, String text) {
		List<Finding> findings = new ArrayList<>(scan(source, text));
		Matcher hex = Pattern.compile("\\\\x((?:[0-9a-fA-F]{2})+)").matcher(text);
		while (hex.find()) {
			findings.addAll(scan(source + " (bytea decoded)", HexFormat.of().parseHex(hex.group(1))));
		}
		return findings;
	}

	private static String latin1(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private static String context(String text, int at, int length) {
		return printable(text.substring(Math.max(0, at - 40), Math.min(text.length(), at + length + 40)));
	}

	private static String printable(String text) {
		return text.replaceAll("[^\\x20-\\x7e]", ".");
	}

}
