package org.misemori.notify;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox will hold password-reset links. The runtime role, which an injected statement
 * in any web request would run as, may queue a mail and see that something is due, and
 * nothing more: not who it is for, not what it says, not the key that seals it.
 */
@MisemoriIntegrationTest
class OutboxPermissionsIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	MailOutbox outbox;

	@Autowired
	Environment environment;

	@Test
	void theRuntimeRoleCannotReadWhoAMailIsForNorWhatItSays() throws SQLException {
		outbox.enqueue(Mails.japanese(Mails.uniqueRecipient("kissa.example.jp")));
		try (Connection pooled = dataSource.getConnection()) {
			assertCannotReadOrChangeMail(pooled);
		}
		try (Connection direct = Databases.asRuntimeRole(environment)) {
			assertCannotReadOrChangeMail(direct);
		}
	}

	@Test
	void theRuntimeRoleCanQueueAMailAndSeeWhetherSomethingIsDue() throws SQLException {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		try (Connection runtime = Databases.asRuntimeRole(environment);
				PreparedStatement insert = runtime.prepareStatement("""
						INSERT INTO notify.outbox_mail (dedupe_key, content, seal) VALUES (?, ?, ?) RETURNING id""")) {
			insert.setBytes(1, key);
			insert.setBytes(2, key);
			insert.setBytes(3, key);
			long id;
			try (ResultSet inserted = insert.executeQuery()) {
				inserted.next();
				id = inserted.getLong("id");
			}
			try (PreparedStatement due = runtime.prepareStatement(
					"SELECT id, status, next_attempt_at FROM notify.outbox_mail WHERE id = ? AND next_attempt_at <= now()")) {
				due.setLong(1, id);
				try (ResultSet row = due.executeQuery()) {
					assertThat(row.next()).isTrue();
					assertThat(row.getString("status")).isIn("PENDING", "FAILED");
				}
			}
		}
	}

	/**
	 * Delivery (the cross-shop role) forgets a mail's content once it is sent or given up, and
	 * may do only that: it cannot write another recipient or text into a row, nor empty a mail
	 * that is still to be sent. Each case runs in a transaction rolled back, so the poller never
	 * sees the row.
	 */
	@Test
	void deliveryMayForgetAMailsContentButNeverRewriteIt() throws SQLException {
		assertThat(updateFreshRow("UPDATE notify.outbox_mail SET content = '\\x00' WHERE id = ?"))
			.contains("can be forgotten, never changed");
		assertThat(updateFreshRow("UPDATE notify.outbox_mail SET recipient = 'attacker@example.com' WHERE id = ?"))
			.contains("can be forgotten, never changed");
		assertThat(updateFreshRow("UPDATE notify.outbox_mail SET body = 'https://phish.example/' WHERE id = ?"))
			.contains("can be forgotten, never changed");
		assertThat(updateFreshRow("UPDATE notify.outbox_mail SET content = NULL, seal = NULL WHERE id = ?"))
			.as("a pending mail keeps its content").contains("outbox_mail_content_until_done");
		assertThat(updateFreshRow("UPDATE notify.outbox_mail SET status = 'SENT', sent_at = now() WHERE id = ?"))
			.as("a sent mail cannot keep its content").contains("outbox_mail_content_until_done");
		assertThat(updateFreshRow("""
				UPDATE notify.outbox_mail SET status = 'SENT', sent_at = now(), content = NULL, seal = NULL WHERE id = ?"""))
			.isEqualTo("updated");
	}

	/** New rows carry their content sealed: neither role may write an address or a text in plain. */
	@Test
	void noRoleMayQueueAMailInPlainText() throws SQLException {
		for (Connection connection : List.of(Databases.asRuntimeRole(environment), Databases.asCrossShopRole(environment))) {
			try (connection; PreparedStatement insert = connection.prepareStatement("""
					INSERT INTO notify.outbox_mail (dedupe_key, recipient, subject, body, seal)
					VALUES (?, 'someone@example.jp', '件名', '本文', ?)""")) {
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				insert.setBytes(1, key);
				insert.setBytes(2, key);
				assertThatThrownBy(insert::executeUpdate).hasMessageContaining("permission denied");
			}
		}
	}

	/** Queues a row and runs the update on it as the cross-shop role; returns "updated" or the refusal. */
	private String updateFreshRow(String update) throws SQLException {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		try (Connection crossShop = Databases.asCrossShopRole(environment)) {
			crossShop.setAutoCommit(false);
			try (PreparedStatement insert = crossShop.prepareStatement("""
					INSERT INTO notify.outbox_mail (dedupe_key, content, seal) VALUES (?, ?, ?) RETURNING id""");
					PreparedStatement change = crossShop.prepareStatement(update)) {
				insert.setBytes(1, key);
				insert.setBytes(2, key);
				insert.setBytes(3, key);
				try (ResultSet inserted = insert.executeQuery()) {
					inserted.next();
					change.setLong(1, inserted.getLong("id"));
				}
				return change.executeUpdate() == 1 ? "updated" : "no row";
			}
			catch (SQLException ex) {
				return ex.getMessage();
			}
			finally {
				crossShop.rollback();
			}
		}
	}

	private static void assertCannotReadOrChangeMail(Connection runtime) throws SQLException {
		try (Statement statement = runtime.createStatement()) {
			for (String query : List.of("SELECT recipient FROM notify.outbox_mail", "SELECT subject FROM notify.outbox_mail",
					"SELECT body FROM notify.outbox_mail", "SELECT seal FROM notify.outbox_mail",
					"SELECT dedupe_key FROM notify.outbox_mail", "SELECT last_error FROM notify.outbox_mail",
					"SELECT * FROM notify.outbox_mail")) {
				assertThatThrownBy(() -> statement.executeQuery(query))
					.as(query)
					.isInstanceOf(SQLException.class)
					.hasMessageContaining("permission denied");
			}
			// Nor through a side channel such as a WHERE clause, nor the key that seals a mail.
			assertThatThrownBy(() -> statement.executeQuery("SELECT id FROM notify.outbox_mail WHERE body LIKE '%token%'"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.executeQuery("SELECT secret FROM notify.mail_seal_key"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.executeUpdate("UPDATE notify.outbox_mail SET status = 'SENT'"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM notify.outbox_mail"))
				.hasMessageContaining("permission denied");
		}
	}

}
