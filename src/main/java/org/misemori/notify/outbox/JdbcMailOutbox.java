package org.misemori.notify.outbox;

import java.util.List;

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

	/** Mails per statement in {@link #enqueueAll}: bounded, so one statement's parameters stay small. */
	private static final int CHUNK = 1_000;

	private final JdbcClient jdbc;

	private final MailSeal seal;

	private final MailContent content;

	JdbcMailOutbox(JdbcClient jdbc, MailSeal seal, MailContent content) {
		this.jdbc = jdbc;
		this.seal = seal;
		this.content = content;
	}

	@Override
	public void enqueue(OutboundMail mail) {
		insert(jdbc, mail);
	}

	@Override
	public void enqueue(OutboundMail mail, JdbcClient crossShopWork) {
		insert(crossShopWork, mail);
	}

	@Override
	public void enqueueAll(List<OutboundMail> mails, JdbcClient connection) {
		mails.forEach(mail -> requirePlainAddress(mail.to()));
		for (int from = 0; from < mails.size(); from += CHUNK) {
			insertChunk(connection, mails.subList(from, Math.min(from + CHUNK, mails.size())));
		}
	}

	/** One INSERT per chunk, its columns bound as arrays: the statement text never changes. */
	private void insertChunk(JdbcClient connection, List<OutboundMail> mails) {
		int size = mails.size();
		byte[][] dedupeKeys = new byte[size][];
		byte[][] seals = new byte[size][];
		Long[] shopIds = new Long[size];
		byte[][] contents = new byte[size][];
		for (int i = 0; i < size; i++) {
			OutboundMail mail = mails.get(i);
			dedupeKeys[i] = seal.dedupeKey(mail.dedupeKey());
			shopIds[i] = mail.shopId();
			contents[i] = content.seal(dedupeKeys[i], mail.to(), mail.subject(), mail.body());
			seals[i] = seal.seal(dedupeKeys[i], mail.shopId(), mail.to(), mail.subject(), mail.body());
		}
		connection.sql("""
				INSERT INTO notify.outbox_mail (dedupe_key, shop_id, content, seal)
				SELECT * FROM unnest(CAST(:dedupeKeys AS bytea[]), CAST(:shopIds AS bigint[]), CAST(:contents AS bytea[]),
				                     CAST(:seals AS bytea[]))
				ON CONFLICT DO NOTHING""")
			.param("dedupeKeys", dedupeKeys)
			.param("shopIds", shopIds)
			.param("contents", contents)
			.param("seals", seals)
			.update();
	}

	private void insert(JdbcClient connection, OutboundMail mail) {
		requirePlainAddress(mail.to());
		byte[] dedupeKey = seal.dedupeKey(mail.dedupeKey());
		// No conflict target: naming one would need SELECT on it, which the runtime role lacks.
		connection.sql("""
				INSERT INTO notify.outbox_mail (dedupe_key, shop_id, content, seal)
				VALUES (:dedupeKey, :shopId, :content, :seal)
				ON CONFLICT DO NOTHING""")
			.param("dedupeKey", dedupeKey)
			.param("shopId", mail.shopId())
			.param("content", content.seal(dedupeKey, mail.to(), mail.subject(), mail.body()))
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
