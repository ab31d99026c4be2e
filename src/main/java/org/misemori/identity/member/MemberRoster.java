package org.misemori.identity.member;

import java.nio.charset.Charset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.misemori.csv.CsvEncoding;
import org.misemori.csv.CsvWriter;
import org.misemori.platform.ShopId;
import org.misemori.vault.PersonalDataReader;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current shop's members as its staff see them (row-level security keeps it to the shop):
 * a list with masked names and addresses, one member's full record, and the CSV export. Every
 * value is opened through one reading per screen, which records who saw which fields of whom.
 * Who may see which is decided by the admin's routes; this class only reads.
 */
@Service
public class MemberRoster {

	/** What Japanese shop owners' Excel opens without a question: Shift_JIS as Windows writes it. */
	public static final Charset CSV_CHARSET = Charset.forName("Windows-31J");

	/** The export's and the import's columns: an export imports back. */
	public static final List<String> CSV_COLUMNS = MemberRecord.CSV_HEADER;

	/** The list is for finding someone, not for reading out the shop: longer lists use the export. */
	static final int LIST_LIMIT = 500;

	private static final String FULL_RECORD = "SELECT id, email_sealed, " + MemberSeals.PROFILE_COLUMNS
			+ ", status = 'ACTIVE' AS active, created_at, verified_at FROM identity.member_account ";

	private static final String BY_ID = FULL_RECORD + "WHERE id = :id";

	private static final String ALL = FULL_RECORD + "ORDER BY id";

	private final JdbcClient jdbc;

	private final PersonalDataReader reader;

	MemberRoster(JdbcClient jdbc, PersonalDataReader reader) {
		this.jdbc = jdbc;
		this.reader = reader;
	}

	@Transactional
	public List<MemberLine> list(ShopId shop) {
		try (var reading = reader.open(shop, "MEMBER", "admin member list")) {
			return jdbc.sql("""
					SELECT id, email_sealed, name_sealed, prefecture_sealed, status = 'ACTIVE' AS active, created_at
					FROM identity.member_account ORDER BY id LIMIT :limit""")
				.param("limit", LIST_LIMIT)
				.query((row, n) -> {
					long id = row.getLong("id");
					return new MemberLine(id, reading.masked(MemberField.NAME.of(id), row.getBytes("name_sealed"), MaskedName::of),
							reading.masked(MemberField.EMAIL.of(id), row.getBytes("email_sealed"), MaskedEmail::of),
							reading.field(MemberField.PREFECTURE.of(id), row.getBytes("prefecture_sealed")),
							row.getBoolean("active"), row.getTimestamp("created_at").toInstant());
				})
				.list();
		}
	}

	@Transactional
	public Optional<MemberRecord> find(ShopId shop, long memberId) {
		try (var reading = reader.open(shop, "MEMBER", "admin member detail")) {
			return jdbc.sql(BY_ID).param("id", memberId).query((row, n) -> record(reading, row)).optional();
		}
	}

	/**
	 * Every member as CSV, watermarked (who, when). In Shift_JIS a character it cannot carry is
	 * an error of the file ({@link CsvWriter#errors()}) with its line and column, not a '?';
	 * the caller sends the file only without errors. Cells a spreadsheet would run are made text.
	 */
	@Transactional
	public MemberExport export(ShopId shop, CsvEncoding encoding, String watermark) {
		CsvWriter file = new CsvWriter(encoding, MemberRecord.CSV_HEADER, watermark);
		List<Long> written = new ArrayList<>();
		try (var reading = reader.open(shop, "MEMBER", "members CSV export")) {
			jdbc.sql(ALL).query((RowCallbackHandler) row -> {
				MemberRecord member = record(reading, row);
				file.row(member.csvCells());
				written.add(member.id());
			});
		}
		return new MemberExport(file, written.size());
	}

	/** The file and how many members it holds. */
	public record MemberExport(CsvWriter file, int rows) {
	}

	private static MemberRecord record(PersonalDataReader.Reading reading, ResultSet row) throws SQLException {
		long id = row.getLong("id");
		return new MemberRecord(id, reading.field(MemberField.EMAIL.of(id), row.getBytes("email_sealed")),
				MemberSeals.open(reading, id, MemberSeals.profileColumns(row)), row.getBoolean("active"),
				row.getTimestamp("created_at").toInstant(),
				Optional.ofNullable(row.getTimestamp("verified_at")).map(Timestamp::toInstant).orElse(null));
	}

	/** A line of the staff's member list: name and address masked, the prefecture for telling people apart. */
	public record MemberLine(long id, String maskedName, String maskedEmail, String prefecture, boolean active,
			Instant registeredAt) {
	}

}
