package org.misemori.identity.passkey;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.misemori.identity.member.MemberPrincipal;
import org.misemori.notify.MailOutbox;
import org.misemori.notify.OutboundMail;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells a member that a passkey was added to or deleted from their account (Japanese first,
 * then English), like the staff notices; members are mailed at the address they sign in with.
 */
@Component
public class MemberPasskeyNotices {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Tokyo"));

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final Clock clock;

	MemberPasskeyNotices(MailOutbox outbox, MessageSource messages, Clock clock) {
		this.outbox = outbox;
		this.messages = messages;
		this.clock = clock;
	}

	public void added(MemberPrincipal member, String clientAddress) {
		send(member, "notice.passkey-added", clientAddress);
	}

	public void removed(MemberPrincipal member, String clientAddress) {
		send(member, "notice.passkey-removed", clientAddress);
	}

	private void send(MemberPrincipal member, String key, String clientAddress) {
		Object[] arguments = { member.email(), TIME.format(clock.instant()), clientAddress };
		String subject = text(key + ".subject", null, Locale.JAPANESE) + " / " + text(key + ".subject", null, Locale.ENGLISH);
		String body = text(key + ".body", arguments, Locale.JAPANESE) + "\n\n----\n\n"
				+ text(key + ".body", arguments, Locale.ENGLISH);
		outbox.enqueue(new OutboundMail(member.email(), subject, body,
				key + ":" + member.getName() + ":" + clock.instant().toEpochMilli(), member.shopId().value()));
	}

	private String text(String key, Object[] arguments, Locale locale) {
		return messages.getMessage(key, arguments, locale);
	}

}
