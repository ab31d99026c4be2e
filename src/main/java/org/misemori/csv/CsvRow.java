package org.misemori.csv;

import java.util.Map;

/** One record of an uploaded file: the physical line it starts on and its cells by column name. */
public record CsvRow(long line, Map<String, String> cells) {

	public CsvRow {
		cells = Map.copyOf(cells);
	}

	/** The cell, stripped; empty when the column is absent or blank. */
	public String get(String column) {
		return cells.getOrDefault(column, "").strip();
	}

}
