package org.misemori.identity.member;

import java.util.Locale;

import org.misemori.identity.domain.PublicUrl;
import org.misemori.notify.MailOutbox;
import org.misemori.notify.OutboundMail;
import org.misemori.platform.Shop;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The mails of a member's account, in the shop's name, Japanese then English. */
@Component
class MemberMail {

	private final MailOutbox outbox;

	private final PublicUrl publicUrl;

	private final MessageSource messages;

	MemberMail(MailOutbox outbox, PublicUrl publicUrl, MessageSource messages) {
		this.outbox = outbox;
		this.publicUrl = publicUrl;
		this.messages = messages;
	}

	void confirmAddress(Shop shop, String address, String token) {
		send(shop, address, "member.mail.confirm", publicUrl.of("/s/" + shop.code() + "/account/confirm?token=" + token),
				"member-confirm:" + token.substring(0, 16));
	}

	void alreadyRegistered(Shop shop, String address) {
		send(shop, address, "member.mail.already", publicUrl.of("/s/" + shop.code() + "/account/reset"),
				"member-already:" + shop.id() + ":" + address.toLowerCase(Locale.ROOT) + ":" + System.currentTimeMillis());
	}

	void resetPassword(Shop shop, String address, String token) {
		send(shop, address, "member.mail.reset", publicUrl.of("/s/" + shop.code() + "/account/reset/confirm?token=" + token),
				"member-reset:" + token.substring(0, 16));
	}

	void confirmNewAddress(Shop shop, String address, String token) {
		send(shop, address, "member.mail.email-change",
				publicUrl.of("/s/" + shop.code() + "/account/settings/email/confirm?token=" + token),
				"member-email-change:" + token.substring(0, 16));
	}

	/** The new address already has an account here: its owner hears that nothing changed. */
	void newAddressTaken(Shop shop, String address) {
		send(shop, address, "member.mail.email-taken", publicUrl.of("/s/" + shop.code() + "/account/login"),
				"member-email-taken:" + shop.id() + ":" + address.toLowerCase(Locale.ROOT) + ":" + System.currentTimeMillis());
	}

	private void send(Shop shop, String address, String key, String link, String dedupeKey) {
		Object[] arguments = { shop.name(), link };
		String subject = "【" + shop.name() + "】" + messages.getMessage(key + ".subject", null, Locale.JAPANESE) + " / "
				+ messages.getMessage(key + ".subject", null, Locale.ENGLISH);
		String body = messages.getMessage(key + ".body", arguments, Locale.JAPANESE) + "\n\n----\n\n"
				+ messages.getMessage(key + ".body", arguments, Locale.ENGLISH);
		outbox.enqueue(new OutboundMail(address, subject, body, dedupeKey, shop.id().value()));
	}

}
