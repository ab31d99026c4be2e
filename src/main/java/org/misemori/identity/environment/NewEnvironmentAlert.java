package org.misemori.identity.environment;

import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.misemori.identity.lockout.AccountHolders;
import org.misemori.identity.lockout.AccountKey;
import org.misemori.notify.MailOutbox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the environment of a sign-in and, if it is new to an account that has signed in
 * before, mails the holder one alert with a "this was not me" link.
 * <p>
 * The holder's address is looked up between two transactions, not inside one: staff addresses
 * are read in the shop's tenant context, which an outer transaction would not carry. If the
 * alert cannot be queued, the environment is forgotten again, so that the next sign-in from it
 * alerts instead of passing silently.
 */
@Component
class NewEnvironmentAlert {

	private static final Log LOG = LogFactory.getLog(NewEnvironmentAlert.class);

	private final KnownEnvironments known;

	private final NotMeTokens tokens;

	private final AlertMail mail;

	private final List<AccountHolders> holders;

	private final MailOutbox outbox;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	NewEnvironmentAlert(KnownEnvironments known, NotMeTokens tokens, AlertMail mail, List<AccountHolders> holders,
			MailOutbox outbox, PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
		this.known = known;
		this.tokens = tokens;
		this.mail = mail;
		this.holders = holders;
		this.outbox = outbox;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
	}

	void onSignIn(AccountKey account, String principalName, AlertMail.SignIn signIn) {
		if (!Boolean.TRUE.equals(transactions.execute(status -> isNewButNotFirst(account, signIn)))) {
			return;
		}
		try {
			holderOf(account).ifPresentOrElse(to -> queue(to, account, principalName, signIn),
					() -> LOG.info("New environment for " + account.id() + "; no holder address to alert"));
		}
		catch (RuntimeException ex) {
			known.forget(account.id(), signIn.environmentHash());
			throw ex;
		}
	}

	/**
	 * Records the environment; true if it is new and the account had others. The very first
	 * sign-in of an account has nothing to compare with — every environment would be "new" —
	 * so it is only recorded, without an alert.
	 */
	private boolean isNewButNotFirst(AccountKey account, AlertMail.SignIn signIn) {
		boolean fresh = known.recordSignIn(account.id(), signIn.environmentHash(), signIn.browserFamily(), signIn.at());
		return fresh && known.othersThan(account.id(), signIn.environmentHash()) > 0;
	}

	private void queue(String to, AccountKey account, String principalName, AlertMail.SignIn signIn) {
		try {
			transactions.executeWithoutResult(status -> outbox
				.enqueue(mail.compose(to, account, signIn, tokens.issue(account.id(), principalName))));
		}
		catch (IllegalArgumentException ex) {
			// A stored address the mail server would refuse: the sign-in itself stays valid.
			LOG.warn("New environment for " + account.id() + " but cannot mail its holder: " + ex.getMessage());
			return;
		}
		events.publishEvent(new NewEnvironmentAlerted(account.id(), account.shopId(), signIn.browserFamily(),
				signIn.clientAddress()));
	}

	private Optional<String> holderOf(AccountKey account) {
		return holders.stream().map(h -> h.mailAddressOf(account)).flatMap(Optional::stream).findFirst();
	}

}
