package org.misemori.identity.member;

/**
 * CSV formula injection (OWASP): a spreadsheet runs a cell that starts with {@code =},
 * {@code +}, {@code -} or {@code @} (and, in some, a tab or carriage return) as a formula, so a
 * member who registers as {@code =HYPERLINK(...)@x.jp} would run code on the shop owner's PC.
 * Such a cell gets a leading {@code '}, which Excel shows as text. Quoting is Commons CSV's job.
 */
final class SpreadsheetCell {

	private SpreadsheetCell() {
	}

	static String guarded(String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell;
		}
		return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
	}

}
