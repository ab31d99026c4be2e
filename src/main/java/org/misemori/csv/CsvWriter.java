package org.misemori.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV file made in memory, so that nothing leaves before it is known to be whole: an
 * optional watermark line, the header, then rows with every cell guarded against formulas
 * ({@link CsvCell}). In Shift_JIS a character that cannot be written and read back is an
 * error naming its line and column, never a '?'. The watermark starts with {@code #}: Excel
 * shows it as the first cell, and {@link CsvReader} skips such lines before the header.
 */
public final class CsvWriter {

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final CsvEncoding encoding;

	private final List<String> header;

	private final StringBuilder text = new StringBuilder();

	private final CSVPrinter printer;

	private final List<CsvError> errors = new ArrayList<>();

	private long line;

	public CsvWriter(CsvEncoding encoding, List<String> header, String watermark) {
		this.encoding = encoding;
		this.header = List.copyOf(header);
		try {
			this.printer = new CSVPrinter(text, CSVFormat.EXCEL);
			if (watermark != null) {
				// No comma, no quote: Excel keeps it one cell, and a re-saved file still starts with '#'.
				text.append("# ").append(watermark.replace(',', ' ').replace('"', ' ').replaceAll("[\\r\\n]", " ")).append("\r\n");
				line++;
			}
			row(header);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Adds one record; its cells are checked and guarded. */
	public CsvWriter row(List<String> cells) {
		line++;
		List<String> guarded = new ArrayList<>(cells.size());
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i) == null ? "" : cells.get(i);
			check(cell, i);
			guarded.add(CsvCell.guarded(cell));
		}
		try {
			printer.printRecord(guarded);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		line += guarded.stream().mapToLong(cell -> cell.chars().filter(c -> c == '\n').count()).sum();
		return this;
	}

	private void check(String cell, int column) {
		if (encoding != CsvEncoding.SHIFT_JIS) {
			return;
		}
		OptionalInt bad = ShiftJis.firstUnencodable(cell);
		if (bad.isPresent()) {
			int at = bad.getAsInt();
			String character = Character.isHighSurrogate(cell.charAt(at)) && at + 1 < cell.length()
					? cell.substring(at, at + 2) : cell.substring(at, at + 1);
			errors.add(CsvError.at(line, column < header.size() ? header.get(column) : "", "csv.error.unencodable",
					character, String.format("U+%04X", character.codePointAt(0))));
		}
	}

	/** Every character that Shift_JIS cannot carry; the file is usable only when this is empty. */
	public List<CsvError> errors() {
		return List.copyOf(errors);
	}

	public byte[] bytes() {
		if (!errors.isEmpty()) {
			throw new IllegalStateException("The file has characters its encoding cannot carry: " + errors.size());
		}
		if (encoding == CsvEncoding.SHIFT_JIS) {
			return ShiftJis.encode(text.toString());
		}
		byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[UTF8_BOM.length + body.length];
		System.arraycopy(UTF8_BOM, 0, file, 0, UTF8_BOM.length);
		System.arraycopy(body, 0, file, UTF8_BOM.length, body.length);
		return file;
	}

}
