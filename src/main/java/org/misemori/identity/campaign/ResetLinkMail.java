package org.misemori.identity.campaign;

import java.util.Locale;

import org.misemori.identity.domain.PublicUrl;
import org.misemori.notify.MailOutbox;
import org.misemori.notify.OutboundMail;
import org.misemori.platform.Shop;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The self-service reset mail of staff and operators: a 30-minute link, Japanese then English. */
@Component
class ResetLinkMail {

	private final MailOutbox outbox;

	private final PublicUrl publicUrl;

	private final MessageSource messages;

	ResetLinkMail(MailOutbox outbox, PublicUrl publicUrl, MessageSource messages) {
		this.outbox = outbox;
		this.publicUrl = publicUrl;
		this.messages = messages;
	}

	void staffLink(Shop shop, String to, String token) {
		send(to, shop.name(), publicUrl.of("/admin/password-reset?shop=" + shop.code() + "&token=" + token), token,
				shop.id().value());
	}

	void operatorLink(String to, String token) {
		send(to, "店守 Misemori", publicUrl.of("/operator/password-reset?token=" + token), token, null);
	}

	private void send(String to, String sender, String link, String token, Long shopId) {
		Object[] arguments = { sender, link };
		String subject = "【" + sender + "】" + messages.getMessage("member.mail.reset.subject", null, Locale.JAPANESE)
				+ " / " + messages.getMessage("member.mail.reset.subject", null, Locale.ENGLISH);
		String body = messages.getMessage("member.mail.reset.body", arguments, Locale.JAPANESE) + "\n\n----\n\n"
				+ messages.getMessage("member.mail.reset.body", arguments, Locale.ENGLISH);
		outbox.enqueue(new OutboundMail(to, subject, body, "reset-link:" + token.substring(0, 16), shopId));
	}

}
