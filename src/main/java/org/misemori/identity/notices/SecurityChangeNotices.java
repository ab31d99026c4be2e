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
import org.misemori.identity.member.MemberPrincipal;
import org.misemori.notify.MailOutbox;
import org.misemori.notify.OutboundMail;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells an account's holder, by mail, when its sign-in security changed: an authenticator was
 * set up or (members only) turned off, or a recovery code was spent. If it was not them, this
 * mail is how they learn it.
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

	/** The member turned on the authenticator-app second factor; mailed to the account's address. */
	public void memberSecondFactorEnabled(MemberPrincipal member, String shopName, String clientAddress) {
		sendToMember(member, shopName, "notice.member-totp-enabled", clientAddress);
	}

	/** The member turned the second factor off: if it was not them, their account is now weaker. */
	public void memberSecondFactorDisabled(MemberPrincipal member, String shopName, String clientAddress) {
		sendToMember(member, shopName, "notice.member-totp-disabled", clientAddress);
	}

	public void memberRecoveryCodeUsed(MemberPrincipal member, String shopName, String clientAddress) {
		sendToMember(member, shopName, "notice.member-recovery-code-used", clientAddress);
	}

	private void send(AccountKey account, String key, String clientAddress) {
		Optional<String> holder = holders.stream().map(h -> h.mailAddressOf(account)).flatMap(Optional::stream).findFirst();
		holder.ifPresent(address -> compose(address, "", key, account.name(), clientAddress,
				key + ":" + account.id() + ":", account.shopId()));
	}

	/** Members hear from their shop, as in every other mail of theirs, about their own address. */
	private void sendToMember(MemberPrincipal member, String shopName, String key, String clientAddress) {
		compose(member.email(), "【" + shopName + "】", key, member.email(), clientAddress, key + ":" + member.getName() + ":",
				member.shopId().value());
	}

	private void compose(String to, String subjectPrefix, String key, String accountName, String clientAddress,
			String dedupePrefix, Long shopId) {
		Instant now = clock.instant();
		Object[] arguments = { accountName, TIME.format(now.atZone(JAPAN)), clientAddress };
		String subject = subjectPrefix + text(key + ".subject", null, Locale.JAPANESE) + " / "
				+ text(key + ".subject", null, Locale.ENGLISH);
		String body = text(key + ".body", arguments, Locale.JAPANESE) + "\n\n----\n\n"
				+ text(key + ".body", arguments, Locale.ENGLISH);
		outbox.enqueue(new OutboundMail(to, subject, body, dedupePrefix + now.toEpochMilli(), shopId));
	}

	private String text(String key, Object[] arguments, Locale locale) {
		return messages.getMessage(key, arguments, locale);
	}

}
