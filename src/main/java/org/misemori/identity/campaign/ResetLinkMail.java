package org.misemori.identity.campaign;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.misemori.identity.domain.PublicUrl;
import org.misemori.notify.MailOutbox;
import org.misemori.notify.OutboundMail;
import org.misemori.platform.Shop;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The self-service reset mail of staff and operators: a 30-minute link, Japanese then English. */
@Component
class ResetLinkMail {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(CampaignRequest.SHOP_TIME);

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

	/** On the cross-shop work's connection: operator accounts are read there, and the mail commits with it. */
	void operatorLink(String to, String token, JdbcClient crossShopWork) {
		outbox.enqueue(compose(to, "店守 Misemori", "member.mail.reset", new Object[] { "店守 Misemori",
				publicUrl.of("/operator/password-reset?token=" + token) }, "reset-link:" + token.substring(0, 16), null),
				crossShopWork);
	}

	/** Staff hear of it through {@code SecurityChangeNotices}; operators' addresses are read here. */
	void passwordChanged(String to, String loginId, String clientAddress, Instant when, JdbcClient crossShopWork) {
		Object[] arguments = { loginId, TIME.format(when), clientAddress };
		outbox.enqueue(compose(to, null, "notice.password-changed", arguments,
				"notice.password-changed:operator:" + loginId + ":" + when.toEpochMilli(), null), crossShopWork);
	}

	private void send(String to, String sender, String link, String token, Long shopId) {
		outbox.enqueue(compose(to, sender, "member.mail.reset", new Object[] { sender, link },
				"reset-link:" + token.substring(0, 16), shopId));
	}

	private OutboundMail compose(String to, String sender, String key, Object[] arguments, String dedupeKey, Long shopId) {
		String subject = (sender == null ? "" : "【" + sender + "】")
				+ messages.getMessage(key + ".subject", null, Locale.JAPANESE) + " / "
				+ messages.getMessage(key + ".subject", null, Locale.ENGLISH);
		String body = messages.getMessage(key + ".body", arguments, Locale.JAPANESE) + "\n\n----\n\n"
				+ messages.getMessage(key + ".body", arguments, Locale.ENGLISH);
		return new OutboundMail(to, subject, body, dedupeKey, shopId);
	}

}
