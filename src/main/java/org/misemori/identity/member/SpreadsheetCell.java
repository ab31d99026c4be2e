package org.misemori.identity.member;

import org.misemori.csv.CsvCell;

/** CSV formula injection: kept for its callers; the rule now lives with all CSV files in {@link CsvCell}. */
final class SpreadsheetCell {

	private SpreadsheetCell() {
	}

	static String guarded(String cell) {
		return CsvCell.guarded(cell);
	}

}
