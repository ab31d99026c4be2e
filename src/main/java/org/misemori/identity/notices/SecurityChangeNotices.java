package org.misemori.identity.notices;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.misemori.identity.lockout.AccountHolders;
import org.misemori.identity.lockout.AccountKey;
import org.misemori.notify.MailOutbox;
import org.misemori.notify.OutboundMail;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells an account's holder, by mail, when its sign-in security changed: an authenticator was
 * set up, or a recovery code was spent. If it was not them, this mail is how they learn it.
 */
@Component
public class SecurityChangeNotices {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

	private final List<AccountHolders> holders;

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final Clock clock;

	SecurityChangeNotices(List<AccountHolders> holders, MailOutbox outbox, MessageSource messages, Clock clock) {
		this.holders = holders;
		this.outbox = outbox;
		this.messages = messages;
		this.clock = clock;
	}

	public void secondFactorEnrolled(AccountKey account, String clientAddress) {
		send(account, "notice.totp-enrolled", clientAddress);
	}

	public void recoveryCodeUsed(AccountKey account, String clientAddress) {
		send(account, "notice.recovery-code-used", clientAddress);
	}

	/** A new password was set through a reset link or a campaign's forced change. */
	public void passwordChanged(AccountKey account, String clientAddress) {
		send(account, "notice.password-changed", clientAddress);
	}

	private void send(AccountKey account, String key, String clientAddress) {
		Optional<String> holder = holders.stream().map(h -> h.mailAddressOf(account)).flatMap(Optional::stream).findFirst();
		if (holder.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		Object[] arguments = { account.name(), TIME.format(now.atZone(JAPAN)), clientAddress };
		String subject = text(key + ".subject", null, Locale.JAPANESE) + " / " + text(key + ".subject", null, Locale.ENGLISH);
		String body = text(key + ".body", arguments, Locale.JAPANESE) + "\n\n----\n\n"
				+ text(key + ".body", arguments, Locale.ENGLISH);
		outbox.enqueue(new OutboundMail(holder.get(), subject, body, key + ":" + account.id() + ":" + now.toEpochMilli(),
				account.shopId()));
	}

	private String text(String key, Object[] arguments, Locale locale) {
		return messages.getMessage(key, arguments, locale);
	}

}
