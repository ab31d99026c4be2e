package org.misemori.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The data path of the admin's member list of 100 rows, on one connection of its own. One
 * {@link #render()}: a transaction as the runtime role under the shop's tenant claim; SELECT of
 * 100 members ordered by id; rows to {@link MemberLine}s (the sealed variants decrypt name, email,
 * phone and prefecture of each and, as {@code vault.internal.RecordedReadings} and
 * {@code audit.internal.ReadRecorder} do, insert one read record listing the 100 ids in the same
 * transaction); commit; render the 100 lines to HTML with Thymeleaf.
 *
 * <ul>
 * <li>{@code plain}: the twin table with text columns, no read record: the page without the vault.</li>
 * <li>{@code plain-recorded}: the same plus the read record, to tell the record's cost from decryption's.</li>
 * <li>{@code sealed-recorded}: the page as Misemori serves it.</li>
 * <li>{@code sealed-recorded-sync}: the same with {@code synchronous_commit = on} (PostgreSQL's
 * default, which a production server keeps; the embedded default has it off), so the commit of the
 * record waits for its WAL to reach the disk.</li>
 * </ul>
 */
final class MemberListPage implements AutoCloseable {

	static final long SHOP = 1;

	private static final int ROWS = 100;

	private static final List<String> SHOWN = List.of("name", "email", "phone", "prefecture");

	private final String variant;

	private final Connection connection;

	private final ShopKeys keys;

	private final String claim;

	private final MemberListTemplate template = new MemberListTemplate();

	MemberListPage(MemberListDatabase database, String variant) throws SQLException {
		if (!List.of("plain", "plain-recorded", "sealed-recorded", "sealed-recorded-sync").contains(variant)) {
			throw new IllegalArgumentException(variant);
		}
		this.variant = variant;
		this.keys = database.keysOf(SHOP);
		this.claim = database.claimFor(SHOP);
		this.connection = database.connectAsApp();
		if (variant.endsWith("-sync")) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET synchronous_commit = on");
			}
		}
		checkThePageIsReal();
	}

	String render() throws SQLException {
		enterShop();
		List<MemberLine> lines = variant.startsWith("sealed") ? sealedLines() : plainLines();
		if (variant.equals("plain-recorded")) {
			record(lines.stream().map(MemberLine::id).toList(), SHOWN);
		}
		connection.commit();
		return template.render(lines);
	}

	@Override
	public void close() throws SQLException {
		connection.close();
	}

	/** {@code TenantTransactionManager}: the signed claim, local to the transaction. */
	private void enterShop() throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('misemori.tenant', ?, true)")) {
			statement.setString(1, claim);
			statement.execute();
		}
	}

	private List<MemberLine> plainLines() throws SQLException {
		List<MemberLine> lines = new ArrayList<>(ROWS);
		try (PreparedStatement select = connection.prepareStatement("""
				SELECT id, name, email, phone, prefecture, status = 'ACTIVE' AS active
				FROM identity.member_account_plain ORDER BY id LIMIT ?""")) {
			select.setInt(1, ROWS);
			try (ResultSet row = select.executeQuery()) {
				while (row.next()) {
					lines.add(new MemberLine(row.getLong("id"), row.getString("name"),
							MemberLine.masked(row.getString("email")), row.getString("phone"), row.getString("prefecture"),
							row.getBoolean("active")));
				}
			}
		}
		return lines;
	}

	/** Rows first, then one reading over them, as a roster hands sealed rows to {@code PersonalDataReader}. */
	private List<MemberLine> sealedLines() throws SQLException {
		List<SealedRow> rows = new ArrayList<>(ROWS);
		try (PreparedStatement select = connection.prepareStatement("""
				SELECT id, name_sealed, email_sealed, phone_sealed, prefecture_sealed, status = 'ACTIVE' AS active
				FROM identity.member_account ORDER BY id LIMIT ?""")) {
			select.setInt(1, ROWS);
			try (ResultSet row = select.executeQuery()) {
				while (row.next()) {
					rows.add(new SealedRow(row.getLong("id"), row.getBytes("name_sealed"), row.getBytes("email_sealed"),
							row.getBytes("phone_sealed"), row.getBytes("prefecture_sealed"), row.getBoolean("active")));
				}
			}
		}
		Reading reading = new Reading();
		List<MemberLine> lines = new ArrayList<>(ROWS);
		for (SealedRow row : rows) {
			lines.add(new MemberLine(row.id(), reading.field(row.id(), "name", row.name()),
					MemberLine.masked(reading.field(row.id(), "email", row.email())),
					reading.field(row.id(), "phone", row.phone()), reading.field(row.id(), "prefecture", row.prefecture()),
					row.active()));
		}
		reading.close();
		return lines;
	}

	/** {@code audit.internal.ReadRecorder}'s INSERT, with a signed-in staff member's values. */
	private void record(List<Long> ids, List<String> fields) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO audit.personal_data_read
				       (shop_id, principal, session_ref, client_address, subject_kind, record_ids, fields, purpose)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
			insert.setLong(1, SHOP);
			insert.setString(2, "hanako.sato@example.jp");
			insert.setString(3, "6f1c0e8f4f3a4b2d9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928");
			insert.setString(4, "203.0.113.7");
			insert.setString(5, "MEMBER");
			insert.setArray(6, connection.createArrayOf("bigint", ids.toArray()));
			insert.setArray(7, connection.createArrayOf("text", fields.toArray()));
			insert.setString(8, "admin member list");
			insert.executeUpdate();
		}
	}

	/** Fails the run rather than measure a page that is empty, unreadable or unrecorded. */
	private void checkThePageIsReal() throws SQLException {
		String html = render();
		int shown = html.split("<tr>", -1).length - 2;
		if (shown != ROWS || !html.contains("/admin/members/1\"") || !html.contains("@example.jp")
				|| html.contains("/admin/members/" + (MemberListDatabase.MEMBERS_PER_SHOP + 1) + "\"")) {
			throw new IllegalStateException("The page does not show the shop's first " + ROWS + " members:\n" + html);
		}
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT count(*) FROM identity.member_account_plain")) {
			row.next();
			if (row.getLong(1) != 0) {
				throw new IllegalStateException("Without a tenant claim the runtime role must see no members");
			}
		}
		connection.commit();
	}

	private record SealedRow(long id, byte[] name, byte[] email, byte[] phone, byte[] prefecture, boolean active) {
	}

	/** {@code vault.internal.RecordedReadings.RecordedReading}: decrypts, notes record and field, records on close. */
	private final class Reading {

		private final Set<Long> records = new LinkedHashSet<>();

		private final Set<String> fields = new LinkedHashSet<>();

		String field(long id, String column, byte[] sealed) {
			if (sealed == null) {
				return null;
			}
			String plain = keys.decrypt(MemberListDatabase.TABLE, column, Long.toString(id), sealed);
			records.add(id);
			fields.add(column);
			return plain;
		}

		void close() throws SQLException {
			if (!records.isEmpty()) {
				record(List.copyOf(records), List.copyOf(fields));
			}
		}

	}

}
