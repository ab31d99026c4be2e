package org.misemori.notify.outbox;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.misemori.notify.MailOutbox;
import org.misemori.notify.OutboundMail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues a mail as one INSERT through the given {@link JdbcClient}. Spring binds its
 * connection to the current transaction, so the row commits with the caller's change or not
 * at all; ON CONFLICT DO NOTHING makes a repeated dedupe key a no-op.
 */
@Component
class JdbcMailOutbox implements MailOutbox {

	private final JdbcClient jdbc;

	private final MailSeal seal;

	JdbcMailOutbox(JdbcClient jdbc, MailSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
	}

	@Override
	public void enqueue(OutboundMail mail) {
		insert(jdbc, mail);
	}

	@Override
	public void enqueue(OutboundMail mail, JdbcClient crossShopWork) {
		insert(crossShopWork, mail);
	}

	private void insert(JdbcClient connection, OutboundMail mail) {
		requirePlainAddress(mail.to());
		byte[] dedupeKey = seal.dedupeKey(mail.dedupeKey());
		// No conflict target: naming one would need SELECT on it, which the runtime role lacks.
		connection.sql("""
				INSERT INTO notify.outbox_mail (dedupe_key, shop_id, recipient, subject, body, seal)
				VALUES (:dedupeKey, :shopId, :recipient, :subject, :body, :seal)
				ON CONFLICT DO NOTHING""")
			.param("dedupeKey", dedupeKey)
			.param("shopId", mail.shopId())
			.param("recipient", mail.to())
			.param("subject", mail.subject())
			.param("body", mail.body())
			.param("seal", seal.seal(dedupeKey, mail.shopId(), mail.to(), mail.subject(), mail.body()))
			.update();
	}

	/**
	 * One bare address, checked now: a mail that could never be sent is refused to its caller
	 * rather than retried for hours. Display names are left out on purpose, so that a
	 * Japanese name never depends on the JVM's default charset to be encoded.
	 */
	private static void requirePlainAddress(String to) {
		try {
			InternetAddress address = new InternetAddress(to, true);
			if (address.getPersonal() != null || !to.equals(address.getAddress()) || to.indexOf('@') < 1) {
				throw new IllegalArgumentException("Not a plain mail address: " + to);
			}
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("Not a valid mail address: " + to, ex);
		}
	}

}
