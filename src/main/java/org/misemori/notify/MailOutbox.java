package org.misemori.notify;

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

}
