package org.misemori.csv;

/**
 * CSV formula injection (OWASP): a spreadsheet runs a cell that starts with {@code =},
 * {@code +}, {@code -} or {@code @} (and, in some, a tab or carriage return) as a formula, so a
 * member who registers as {@code =HYPERLINK(...)@x.jp} would run code on the shop owner's PC.
 * Such a cell is written with a leading {@code '}, which Excel shows as text, and the
 * {@code '} is taken off again on import, so an export imports back unchanged.
 */
public final class CsvCell {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private CsvCell() {
	}

	public static String guarded(String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell;
		}
		return FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
	}

	/** A cell as read: {@code '-3} was written for {@code -3}; any other cell is as it is. */
	public static String unguarded(String cell) {
		if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0) {
			return cell.substring(1);
		}
		return cell;
	}

}
