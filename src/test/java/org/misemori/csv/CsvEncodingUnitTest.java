package org.misemori.csv;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Shift_JIS mapping, the formula guard and the line numbers of errors, without Spring. */
class CsvEncodingUnitTest {

	private static final CsvReader READER = new CsvReader(List.of("name", "note"), Set.of("name"));

	@Test
	void jisCharactersWithTwoReadingsComeBackAsTheyWereWritten() {
		String text = "山田 〜 ‐ − ¢£¬ ヤマダ やまだ ―∥";
		byte[] file = new CsvWriter(CsvEncoding.SHIFT_JIS, List.of("name", "note"), null).row(List.of(text, "x")).bytes();
		assertThat(READER.read(file, CsvEncoding.SHIFT_JIS).rows().get(0).cells()).containsEntry("name", text);
		// The wave dash is 0x8160 as Excel writes it, the minus sign 0x817C.
		assertThat(ShiftJis.encode("〜−")).containsExactly(0x81, 0x60, 0x81, 0x7C);
	}

	@Test
	void microsoftsFullWidthTwinsAreReadAsTheirJisCharacter() {
		byte[] excel = "name\r\n～－￠\r\n".getBytes(ShiftJis.WINDOWS_31J);
		assertThat(READER.read(excel, CsvEncoding.SHIFT_JIS).rows().get(0).get("name")).isEqualTo("〜−¢");
	}

	@Test
	void whatShiftJisCannotCarryIsReportedWithItsLineAndColumnNotTurnedIntoAQuestionMark() {
		CsvWriter writer = new CsvWriter(CsvEncoding.SHIFT_JIS, List.of("name", "note"), "exported by demo/owner");
		writer.row(List.of("吉田", "ok")).row(List.of("𠮷野家", "¥100"));
		assertThat(writer.errors()).extracting(CsvError::line, CsvError::column, e -> e.arguments().get(1))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "name", "U+20BB7"),
					org.assertj.core.groups.Tuple.tuple(4L, "note", "U+00A5"));
		assertThat(ShiftJis.encodable('ゔ')).isFalse();
		assertThat(ShiftJis.encodable('～')).isTrue();
	}

	@Test
	void cellsASpreadsheetWouldRunAreWrittenAsTextAndReadBackUnchanged() {
		for (String formula : new String[] { "=1+2", "+81", "-3", "@SUM(A1)", "\tx", "\rx" }) {
			assertThat(CsvCell.guarded(formula)).isEqualTo("'" + formula);
			assertThat(CsvCell.unguarded(CsvCell.guarded(formula))).isEqualTo(formula);
		}
		assertThat(CsvCell.guarded("本会員")).isEqualTo("本会員");
		assertThat(CsvCell.unguarded("'quoted")).isEqualTo("'quoted");
		byte[] file = new CsvWriter(CsvEncoding.UTF_8, List.of("name", "note"), null).row(List.of("=HYPERLINK(1)", "-3"))
			.bytes();
		assertThat(new String(file, StandardCharsets.UTF_8)).contains("'=HYPERLINK(1),'-3");
		assertThat(READER.read(file, CsvEncoding.UTF_8).rows().get(0).cells()).containsEntry("name", "=HYPERLINK(1)")
			.containsEntry("note", "-3");
	}

	@Test
	void utf8IsWrittenWithAByteOrderMarkAndReadWithOrWithout() {
		byte[] file = new CsvWriter(CsvEncoding.UTF_8, List.of("name", "note"), null).row(List.of("茶", "")).bytes();
		assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(READER.read(file, CsvEncoding.UTF_8).header()).containsExactly("name", "note");
		assertThat(READER.read("name\n茶\n".getBytes(StandardCharsets.UTF_8), CsvEncoding.UTF_8).rows()).hasSize(1);
		assertThat(READER.read(file, CsvEncoding.SHIFT_JIS).errors()).extracting(CsvError::message)
			.containsExactly("csv.error.looks-utf8");
	}

	@Test
	void errorsNameThePhysicalLineCountingTheWatermarkAndMultiLineCells() {
		String text = "# exported by demo/owner\r\nname,note\r\na,\"one\r\ntwo\r\nthree\"\r\nb,c,d\r\nc,ok\r\n";
		CsvTable table = READER.read(text.getBytes(StandardCharsets.UTF_8), CsvEncoding.UTF_8);
		assertThat(table.rows()).extracting(CsvRow::line).containsExactly(3L, 7L);
		assertThat(table.errors()).extracting(CsvError::line, CsvError::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(6L, "csv.error.cell-count"));
	}

	@Test
	void anUnclosedQuoteIsReportedWhereItsRecordStarts() {
		String text = "name,note\na,b\nc,\"d\ne,f\n";
		CsvTable table = READER.read(text.getBytes(StandardCharsets.UTF_8), CsvEncoding.UTF_8);
		assertThat(table.valid()).isFalse();
		assertThat(table.errors()).extracting(CsvError::message).contains("csv.error.malformed");
		assertThat(table.errors().get(0).line()).isEqualTo(3L);
		assertThat(table.rows()).extracting(CsvRow::line).containsExactly(2L);
		CsvTable trailing = READER.read("name,note\na,b\n\"c\"x,d\n".getBytes(StandardCharsets.UTF_8), CsvEncoding.UTF_8);
		assertThat(trailing.errors()).extracting(CsvError::line, CsvError::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "csv.error.malformed"));
	}

	@Test
	void badBytesUnknownAndMissingColumnsAndLimitsAreErrors() {
		byte[] broken = { 'n', 'a', 'm', 'e', '\n', 'x', '\n', (byte) 0xFF, '\n' };
		assertThat(READER.read(broken, CsvEncoding.UTF_8).errors()).extracting(CsvError::line, CsvError::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "csv.error.encoding"));
		assertThat(READER.read("nmae,note\nx,y\n".getBytes(StandardCharsets.UTF_8), CsvEncoding.UTF_8).errors())
			.extracting(CsvError::column, CsvError::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("nmae", "csv.error.unknown-column"),
					org.assertj.core.groups.Tuple.tuple("name", "csv.error.missing-column"));
		assertThat(READER.read(new byte[CsvReader.MAX_BYTES + 1], CsvEncoding.UTF_8).errors()).extracting(CsvError::message)
			.containsExactly("csv.error.too-large");
		StringBuilder many = new StringBuilder("name\n");
		for (int i = 0; i <= CsvReader.MAX_ROWS; i++) {
			many.append("n").append(i).append('\n');
		}
		assertThat(READER.read(many.toString().getBytes(StandardCharsets.UTF_8), CsvEncoding.UTF_8).errors())
			.extracting(CsvError::line, CsvError::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple((long) CsvReader.MAX_ROWS + 2, "csv.error.too-many-rows"));
	}

}
