package org.misemori.csv;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * One thing wrong with a file, where the owner finds it in a text editor or Excel: the
 * physical line (the first line of the file is 1; a quoted cell over several lines counts
 * them all) and the column's header name, or empty when the whole line or file is meant.
 * {@code message} is a message key with its arguments.
 */
public record CsvError(long line, String column, String message, List<Object> arguments) {

	public CsvError {
		column = column == null ? "" : column;
		arguments = List.copyOf(arguments);
	}

	public static CsvError at(long line, String column, String message, Object... arguments) {
		return new CsvError(line, column, message, List.of(arguments));
	}

	/** "3行目「価格」列: …" / "line 3, column 価格: …", in the reader's language. */
	public String describe(MessageSource messages, Locale locale) {
		String text = messages.getMessage(message, arguments.toArray(), locale);
		if (line <= 0) {
			return text;
		}
		return column.isEmpty() ? messages.getMessage("csv.error.at-line", new Object[] { line, text }, locale)
				: messages.getMessage("csv.error.at-column", new Object[] { line, column, text }, locale);
	}

}
