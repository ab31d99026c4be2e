package org.misemori.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.misemori.Databases;

import org.springframework.core.env.Environment;

/** Test-only look at the outbox as the owner: what a DBA would see. */
public final class OutboxRows {

	private final Environment environment;

	public OutboxRows(Environment environment) {
		this.environment = environment;
	}

	public List<Row> to(String recipient) {
		return query("SELECT status, attempts, last_error, sent_at FROM notify.outbox_mail WHERE recipient = ? ORDER BY id",
				recipient);
	}

	public List<Row> toDomain(String domain) {
		return query("SELECT status, attempts, last_error, sent_at FROM notify.outbox_mail WHERE recipient LIKE ? ORDER BY id",
				"%@" + domain);
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

	private List<Row> query(String sql, String argument) {
		try (Connection owner = Databases.asOwner(environment); PreparedStatement statement = owner.prepareStatement(sql)) {
			statement.setString(1, argument);
			try (ResultSet rows = statement.executeQuery()) {
				List<Row> result = new ArrayList<>();
				while (rows.next()) {
					result.add(new Row(rows.getString("status"), rows.getInt("attempts"), rows.getString("last_error"),
							rows.getObject("sent_at", OffsetDateTime.class)));
				}
				return result;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public record Row(String status, int attempts, String lastError, OffsetDateTime sentAt) {

	}

}
