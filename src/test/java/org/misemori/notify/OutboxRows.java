package org.misemori.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.misemori.Databases;
import org.misemori.notify.outbox.SealedContent;
import org.misemori.vault.SecretBox;

import org.springframework.core.env.Environment;

/** Test-only look at the outbox as the owner: what a DBA would see. */
public final class OutboxRows {

	private final Environment environment;

	private final SecretBox box;

	public OutboxRows(Environment environment, SecretBox box) {
		this.environment = environment;
		this.box = box;
	}

	private static final String COLUMNS = "status, attempts, last_error, sent_at, dedupe_key, content, recipient, subject, body, seal";

	/**
	 * Rows still holding this recipient: pending ones only, since a sent or failed mail forgets it.
	 * The address is sealed, so every pending row is opened to find them, as delivery would.
	 */
	public List<Row> to(String recipient) {
		return query("SELECT " + COLUMNS + " FROM notify.outbox_mail WHERE status = 'PENDING' ORDER BY id", null).stream()
			.filter(row -> recipient.equals(row.recipient()))
			.toList();
	}

	/**
	 * The row with this stored dedupe key (the caller's key keyed by {@code MailSeal.dedupeKey}),
	 * which stays when the content is forgotten.
	 */
	public List<Row> withDedupeKey(byte[] storedDedupeKey) {
		return query("SELECT " + COLUMNS + " FROM notify.outbox_mail WHERE dedupe_key = ? ORDER BY id", storedDedupeKey);
	}

	public long count(String sql) {
		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement statement = owner.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<Row> query(String sql, Object argument) {
		try (Connection owner = Databases.asOwner(environment); PreparedStatement statement = owner.prepareStatement(sql)) {
			if (argument != null) {
				statement.setObject(1, argument);
			}
			try (ResultSet rows = statement.executeQuery()) {
				List<Row> result = new ArrayList<>();
				while (rows.next()) {
					byte[] content = rows.getBytes("content");
					String[] opened = content == null
							? new String[] { rows.getString("recipient"), rows.getString("subject"), rows.getString("body") }
							: SealedContent.open(box, rows.getBytes("dedupe_key"), content).orElse(new String[3]);
					result.add(new Row(rows.getString("status"), rows.getInt("attempts"), rows.getString("last_error"),
							rows.getObject("sent_at", OffsetDateTime.class), opened[0], opened[1], opened[2],
							rows.getBytes("seal") != null, content != null));
				}
				return result;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public record Row(String status, int attempts, String lastError, OffsetDateTime sentAt, String recipient,
			String subject, String body, boolean sealed, boolean contentSealed) {

		/** Nothing of the mail is left to read: whom it was to, what it said, or its seal over both. */
		public boolean forgotten() {
			return recipient == null && subject == null && body == null && !sealed && !contentSealed;
		}

	}

}
