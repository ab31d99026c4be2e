package org.misemori.identity.member;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current shop's members as its staff see them (row-level security keeps it to the shop):
 * a list with masked addresses, one member's full record, and the CSV export. Who may see which
 * is decided by the admin's routes; this class only reads.
 */
@Service
public class MemberRoster {

	/** What Japanese shop owners' Excel opens without a question: Shift_JIS as Windows writes it. */
	public static final Charset CSV_CHARSET = Charset.forName("Windows-31J");

	/** The list is for finding someone, not for reading out the shop: longer lists use the export. */
	static final int LIST_LIMIT = 500;

	private static final String[] CSV_HEADER = { "会員番号", "メールアドレス", "状態", "登録日時", "メール確認日時" };

	private final JdbcClient jdbc;

	MemberRoster(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<MemberLine> list() {
		return jdbc.sql("""
				SELECT id, email, status = 'ACTIVE' AS active, created_at FROM identity.member_account
				ORDER BY id LIMIT :limit""")
			.param("limit", LIST_LIMIT)
			.query((row, n) -> new MemberLine(row.getLong("id"), MaskedEmail.of(row.getString("email")),
					row.getBoolean("active"), row.getTimestamp("created_at").toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<MemberRecord> find(long memberId) {
		return jdbc.sql("""
				SELECT id, email, status = 'ACTIVE' AS active, created_at, verified_at FROM identity.member_account
				WHERE id = :id""").param("id", memberId).query(MemberRoster::record).optional();
	}

	/**
	 * Writes every member as CSV in {@link #CSV_CHARSET}; returns the ids written, in order, for the
	 * record of who read whose data. A character Windows-31J lacks becomes "?": the export stays
	 * readable in Excel.
	 */
	@Transactional(readOnly = true)
	public List<Long> writeCsv(OutputStream out) {
		Writer writer = new OutputStreamWriter(out, CSV_CHARSET);
		List<Long> written = new ArrayList<>();
		try {
			CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(CSV_HEADER).get());
			jdbc.sql("""
					SELECT id, email, status = 'ACTIVE' AS active, created_at, verified_at FROM identity.member_account
					ORDER BY id""").query((RowCallbackHandler) row -> {
				MemberRecord member = record(row, 0);
				print(csv, member.csvCells());
				written.add(member.id());
			});
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return written;
	}

	private static void print(CSVPrinter csv, List<String> cells) {
		try {
			csv.printRecord(cells.stream().map(SpreadsheetCell::guarded).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static MemberRecord record(ResultSet row, int n) throws SQLException {
		return new MemberRecord(row.getLong("id"), row.getString("email"), row.getBoolean("active"),
				row.getTimestamp("created_at").toInstant(),
				Optional.ofNullable(row.getTimestamp("verified_at")).map(java.sql.Timestamp::toInstant).orElse(null));
	}

	/** A line of the staff's member list: the address masked. */
	public record MemberLine(long id, String maskedEmail, boolean active, Instant registeredAt) {
	}

}
