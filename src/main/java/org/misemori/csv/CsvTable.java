package org.misemori.csv;

import java.util.List;

/** A file as read: its header, its rows, and everything wrong with it. Usable only without errors. */
public record CsvTable(List<String> header, List<CsvRow> rows, List<CsvError> errors) {

	public CsvTable {
		header = List.copyOf(header);
		rows = List.copyOf(rows);
		errors = List.copyOf(errors);
	}

	public boolean valid() {
		return errors.isEmpty();
	}

}
