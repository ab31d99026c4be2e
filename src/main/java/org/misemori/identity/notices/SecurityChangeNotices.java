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
import org.misemori.identity.member.MaskedEmail;
import org.misemori.identity.member.MemberPrincipal;
import org.misemori.notify.MailOutbox;
import org.misemori.notify.OutboundMail;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells an account's holder, by mail, when its sign-in security changed: an authenticator was
 * set up or (members only) turned off, a recovery code was spent, a passkey was added or removed,
 * the password or the email address was changed. If it was not them, this mail is how they learn it.
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

	public void passkeyAdded(AccountKey account, String clientAddress) {
		send(account, "notice.passkey-added", clientAddress);
	}

	public void passkeyRemoved(AccountKey account, String clientAddress) {
		send(account, "notice.passkey-removed", clientAddress);
	}

	/** "Your password was changed": to the holder, once per change. */
	public void passwordChanged(Holder holder, String clientAddress) {
		mail(holder.address(), "notice.password-changed", holder, clientAddress, "");
	}

	/**
	 * An address change: the OLD address hears of it (when, from where, to which address,
	 * masked, and whom to contact), since whoever took the account would otherwise never be
	 * noticed; the new one gets a confirmation.
	 */
	public void emailChanged(Holder holder, String newAddress, String clientAddress) {
		String masked = MaskedEmail.of(newAddress);
		if (holder.address() != null) {
			mail(holder.address(), "notice.email-changed-old", holder, clientAddress, masked);
		}
		mail(newAddress, "notice.email-changed-new", holder, clientAddress, masked);
	}

	private void mail(String to, String key, Holder holder, String clientAddress, String newAddress) {
		Instant now = clock.instant();
		Object[] ja = { holder.accountName(), TIME.format(now.atZone(JAPAN)), clientAddress,
				contact(holder, Locale.JAPANESE), newAddress };
		Object[] en = { holder.accountName(), TIME.format(now.atZone(JAPAN)), clientAddress,
				contact(holder, Locale.ENGLISH), newAddress };
		String subject = text(key + ".subject", null, Locale.JAPANESE) + " / " + text(key + ".subject", null, Locale.ENGLISH);
		String body = text(key + ".body", ja, Locale.JAPANESE) + "\n\n----\n\n" + text(key + ".body", en, Locale.ENGLISH);
		outbox.enqueue(new OutboundMail(to, subject, body,
				key + ":" + holder.accountName() + ":" + to.toLowerCase(Locale.ROOT) + ":" + now.toEpochMilli(),
				holder.shopId()));
	}

	private String contact(Holder holder, Locale locale) {
		return text("notice.contact." + holder.contact().name(), new Object[] { holder.shopName() }, locale);
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

	/** A new password was set through a reset link or a campaign's forced change. */
	public void passwordChanged(AccountKey account, String clientAddress) {
		send(account, "notice.password-reset-done", clientAddress);
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

	/** Whom the holder should turn to if a change was not theirs. */
	public enum Contact {

		/** Operators: the platform's other operators. */
		PLATFORM_OPERATORS,
		/** Staff: their shop's owner. */
		SHOP_OWNER,
		/** Members: the shop, by name. */
		SHOP

	}

	/**
	 * An account's holder as the notice addresses them.
	 * @param accountName what the mail calls the account (a login ID, or the shop's name for members)
	 * @param shopName the shop, for {@link Contact#SHOP}; may be empty otherwise
	 */
	public record Holder(String address, String accountName, Long shopId, Contact contact, String shopName) {
	}

}
