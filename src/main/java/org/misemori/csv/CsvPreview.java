package org.misemori.csv;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * What the import page shows of an uploaded file before anything is imported: its first rows
 * as parsed, how many there are, and every error, written out in the reader's language.
 */
public record CsvPreview(List<String> header, List<CsvRow> rows, int rowCount, List<String> errors) {

	public static final int ROWS_SHOWN = 20;

	public CsvPreview {
		header = List.copyOf(header);
		rows = List.copyOf(rows);
		errors = List.copyOf(errors);
	}

	public static CsvPreview of(CsvTable table, List<CsvError> errors, MessageSource messages, Locale locale) {
		return new CsvPreview(table.header(), table.rows().subList(0, Math.min(ROWS_SHOWN, table.rows().size())),
				table.rows().size(), errors.stream().map(e -> e.describe(messages, locale)).toList());
	}

	public boolean valid() {
		return errors.isEmpty();
	}

}
