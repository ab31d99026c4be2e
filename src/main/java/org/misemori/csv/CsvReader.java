package org.misemori.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded CSV file completely before anything is done with it, and collects every
 * error with the physical line it is on: the file's first line is 1, {@code #} lines before the
 * header (an export's watermark) are skipped but counted, and a quoted cell over several lines
 * counts each of them. Bytes that are not valid in the chosen encoding, an unknown, repeated or
 * missing column, a record with the wrong number of cells or an unclosed quote are errors.
 * Limits are checked before the work they would make expensive.
 */
public final class CsvReader {

	public static final int MAX_BYTES = 10 * 1024 * 1024;

	public static final int MAX_ROWS = 10_000;

	public static final int MAX_CELL = 10_000;

	private final List<String> known;

	private final Set<String> required;

	/** {@code known}: every column the importer understands; {@code required}: those it cannot do without. */
	public CsvReader(List<String> known, Set<String> required) {
		this.known = List.copyOf(known);
		this.required = Set.copyOf(required);
	}

	public CsvTable read(byte[] file, CsvEncoding encoding) {
		if (file.length > MAX_BYTES) {
			return failed(CsvError.at(0, "", "csv.error.too-large", MAX_BYTES / (1024 * 1024)));
		}
		if (file.length == 0) {
			return failed(CsvError.at(0, "", "csv.error.empty"));
		}
		boolean bom = file.length >= 3 && file[0] == (byte) 0xEF && file[1] == (byte) 0xBB && file[2] == (byte) 0xBF;
		if (bom && encoding == CsvEncoding.SHIFT_JIS) {
			return failed(CsvError.at(1, "", "csv.error.looks-utf8"));
		}
		byte[] body = bom ? Arrays.copyOfRange(file, 3, file.length) : file;
		CharsetDecoder decoder = (encoding == CsvEncoding.UTF_8 ? StandardCharsets.UTF_8 : ShiftJis.WINDOWS_31J).newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(body);
		CharBuffer out = CharBuffer.allocate(body.length + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			return failed(CsvError.at(lineOfByte(body, in.position()), "", "csv.error.encoding",
					encoding == CsvEncoding.UTF_8 ? "UTF-8" : "Shift_JIS"));
		}
		decoder.flush(out);
		String text = out.flip().toString();
		return parse(encoding == CsvEncoding.SHIFT_JIS ? ShiftJis.toJis(text) : text);
	}

	private CsvTable parse(String text) {
		Lines lines = new Lines(text);
		int start = lines.skipComments();
		List<CsvError> errors = new ArrayList<>();
		List<CsvRow> rows = new ArrayList<>();
		List<String> header = List.of();
		long firstLine = lines.lineAt(start);
		long nextRecord = firstLine;
		try (CSVParser parser = CSVFormat.EXCEL.builder().setLenientEof(false).setTrailingData(false).get().parse(new StringReader(text.substring(start)))) {
			for (CSVRecord record : parser) {
				nextRecord = firstLine + parser.getCurrentLineNumber();
				long line = lines.lineAt(start + record.getCharacterPosition());
				if (header.isEmpty()) {
					header = header(record, line, errors);
					continue;
				}
				if (record.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (rows.size() == MAX_ROWS) {
					errors.add(CsvError.at(line, "", "csv.error.too-many-rows", MAX_ROWS));
					break;
				}
				row(header, record, line, errors).ifPresent(rows::add);
			}
		}
		catch (UncheckedIOException | IOException | IllegalStateException ex) {
			errors.add(CsvError.at(nextRecord, "", "csv.error.malformed"));
		}
		if (header.isEmpty() && errors.isEmpty()) {
			errors.add(CsvError.at(0, "", "csv.error.empty"));
		}
		return new CsvTable(header, rows, errors);
	}

	private List<String> header(CSVRecord record, long line, List<CsvError> errors) {
		List<String> names = record.stream().map(String::strip).toList();
		Set<String> seen = new LinkedHashSet<>();
		for (String name : names) {
			if (!known.contains(name)) {
				errors.add(CsvError.at(line, name, "csv.error.unknown-column", String.join(", ", known)));
			}
			else if (!seen.add(name)) {
				errors.add(CsvError.at(line, name, "csv.error.repeated-column"));
			}
		}
		required.stream().filter(name -> !seen.contains(name)).sorted().forEach(
				name -> errors.add(CsvError.at(line, name, "csv.error.missing-column")));
		return names.isEmpty() ? List.of("") : names;
	}

	private static java.util.Optional<CsvRow> row(List<String> header, CSVRecord record, long line, List<CsvError> errors) {
		if (record.size() != header.size()) {
			errors.add(CsvError.at(line, "", "csv.error.cell-count", record.size(), header.size()));
			return java.util.Optional.empty();
		}
		Map<String, String> cells = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String cell = record.get(i);
			if (cell.length() > MAX_CELL) {
				errors.add(CsvError.at(line, header.get(i), "csv.error.cell-too-long", MAX_CELL));
				cell = "";
			}
			cells.putIfAbsent(header.get(i), CsvCell.unguarded(cell));
		}
		return java.util.Optional.of(new CsvRow(line, cells));
	}

	private static long lineOfByte(byte[] body, int position) {
		long line = 1;
		for (int i = 0; i < position && i < body.length; i++) {
			if (body[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	private static CsvTable failed(CsvError error) {
		return new CsvTable(List.of(), List.of(), List.of(error));
	}

	/** Where each physical line starts (CR LF, LF or a lone CR ends a line). */
	private static final class Lines {

		private final String text;

		private final List<Integer> starts = new ArrayList<>();

		Lines(String text) {
			this.text = text;
			starts.add(0);
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
					starts.add(i + 1);
				}
			}
		}

		/** The offset after the {@code #} lines the file opens with. */
		int skipComments() {
			int line = 0;
			while (line < starts.size() && starts.get(line) < text.length() && text.charAt(starts.get(line)) == '#') {
				line++;
			}
			return line < starts.size() ? starts.get(line) : text.length();
		}

		long lineAt(long offset) {
			int index = java.util.Collections.binarySearch(starts, (int) offset);
			return (index >= 0 ? index : -index - 2) + 1;
		}

	}

}
