package org.misemori.notify;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Queues mail for delivery. {@link #enqueue(OutboundMail)} joins the caller's transaction on
 * the application's database role when there is one ({@code @Transactional}), so a mail is
 * queued if and only if the caller's change commits; without one it commits on its own. The
 * mail is sent after that by a poller, at least once and in practice exactly once (see the
 * notes on delivery).
 */
public interface MailOutbox {

	/**
	 * Queues {@code mail} unless a mail with the same dedupe key was queued before, in which
	 * case nothing happens.
	 * @throws IllegalArgumentException if the recipient is not a valid mail address
	 */
	void enqueue(OutboundMail mail);

	/**
	 * Queues {@code mail} on the connection of work running inside
	 * {@link org.misemori.platform.CrossShopAccess#call}, so that the mail commits or rolls back
	 * with that work. (That work runs on the cross-shop role's own connection, which
	 * {@link #enqueue(OutboundMail)} would not join: for example an operator's reset link.)
	 * @param crossShopWork the {@link JdbcClient} handed to the cross-shop work
	 */
	void enqueue(OutboundMail mail, JdbcClient crossShopWork);

	/**
	 * Queues many mails at once (a reset campaign's thousands), a few statements rather than
	 * one per mail, on {@code connection}'s transaction: the application's {@link JdbcClient}
	 * inside the caller's transaction, or the one handed to cross-shop work. The same rules as
	 * {@link #enqueue(OutboundMail)}: a dedupe key queued before queues nothing, and an invalid
	 * recipient refuses the whole call.
	 */
	void enqueueAll(List<OutboundMail> mails, JdbcClient connection);

}
