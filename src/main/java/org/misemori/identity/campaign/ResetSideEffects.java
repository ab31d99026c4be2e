package org.misemori.identity.campaign;

import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.notices.SecurityChangeNotices;
import org.misemori.identity.password.PasswordReplaced;
import org.misemori.identity.session.OwnSessions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What follows a new password set by link: open campaigns learn of it (in the same
 * transaction), then every session of the account ends, on every node, and its holder is
 * mailed, so that a reset by someone else does not go unnoticed.
 */
@Component
class ResetSideEffects {

	private final ApplicationEventPublisher events;

	private final OwnSessions sessions;

	private final SecurityChangeNotices notices;

	ResetSideEffects(ApplicationEventPublisher events, OwnSessions sessions, SecurityChangeNotices notices) {
		this.events = events;
		this.sessions = sessions;
		this.notices = notices;
	}

	void replaced(PasswordReplaced replaced) {
		events.publishEvent(replaced);
	}

	void endSessionsAndTell(String principalName, AccountKey account, String clientAddress) {
		sessions.endAllBut(principalName, "");
		notices.passwordChanged(account, clientAddress);
	}

}
