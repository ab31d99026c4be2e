package org.misemori.identity.lockout;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.misemori.notify.MailOutbox;
import org.misemori.notify.OutboundMail;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The one mail to an account's holder when their account is locked: in Japanese and English
 * (the platform does not know which they read), saying when, after how many failures, from
 * which address, until when, and what to do. Queued in the caller's transaction, so it exists
 * if and only if the lock does; its dedupe key is the account and the lock's start.
 */
@Component
class LockNotice {

	private static final Log LOG = LogFactory.getLog(LockNotice.class);

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter JAPANESE_TIME = DateTimeFormatter.ofPattern("uuuu年M月d日 H:mm", Locale.JAPANESE);

	private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", Locale.ENGLISH);

	private final List<AccountHolders> holders;

	private final MailOutbox outbox;

	private final MessageSource messages;

	LockNotice(List<AccountHolders> holders, MailOutbox outbox, MessageSource messages) {
		this.holders = holders;
		this.outbox = outbox;
		this.messages = messages;
	}

	void send(AccountKey account, FailureLedger.Lock lock) {
		Optional<String> holder = holders.stream()
			.map(h -> h.mailAddressOf(account))
			.flatMap(Optional::stream)
			.findFirst();
		if (holder.isEmpty()) {
			// An attempted name with no account, or an account without an address: the lock
			// works the same, and there is nobody to tell.
			LOG.info("Locked " + account.id() + " after " + lock.failures() + " failures; no holder to notify");
			return;
		}
		OutboundMail mail = new OutboundMail(holder.get(), subject(), body(account, lock),
				"account-locked:" + account.id() + ":" + lock.lockedAt(), account.shopId());
		try {
			outbox.enqueue(mail);
		}
		catch (IllegalArgumentException ex) {
			// A stored address the mail server would refuse must not undo the lock itself.
			LOG.warn("Locked " + account.id() + " but cannot mail its holder: " + ex.getMessage());
		}
	}

	private String subject() {
		return text("lockout.mail.subject", Locale.JAPANESE) + " / " + text("lockout.mail.subject", Locale.ENGLISH);
	}

	private String body(AccountKey account, FailureLedger.Lock lock) {
		String address = lock.lastAddress() == null ? "-" : lock.lastAddress();
		String japanese = messages.getMessage("lockout.mail.body", new Object[] { account.name(), lock.failures(), address,
				JAPANESE_TIME.format(lock.lockedAt().atZone(JAPAN)), JAPANESE_TIME.format(lock.until().atZone(JAPAN)) },
				Locale.JAPANESE);
		String english = messages.getMessage("lockout.mail.body", new Object[] { account.name(), lock.failures(), address,
				ENGLISH_TIME.format(lock.lockedAt().atZone(JAPAN)), ENGLISH_TIME.format(lock.until().atZone(JAPAN)) },
				Locale.ENGLISH);
		return japanese + "\n\n" + text("lockout.mail.english-follows", Locale.ENGLISH) + "\n\n" + english;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
