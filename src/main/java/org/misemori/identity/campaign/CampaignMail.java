package org.misemori.identity.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.misemori.identity.domain.PublicUrl;
import org.misemori.notify.MailOutbox;
import org.misemori.notify.OutboundMail;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues every account's link and queues its mail, Japanese then English. The dedupe key names
 * the campaign and the account, so however often this runs an account gets one mail. The text
 * is formatted once per sender and only the link differs: ten thousand mails are ten thousand
 * string replacements, not forty thousand message lookups.
 */
@Component
class CampaignMail {

	private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(CampaignRequest.SHOP_TIME);

	/** Stands for the link while the text is formatted; no message contains it. */
	private static final String LINK = "\u0000link\u0000";

	private final MailOutbox outbox;

	private final PublicUrl publicUrl;

	private final MessageSource messages;

	CampaignMail(MailOutbox outbox, PublicUrl publicUrl, MessageSource messages) {
		this.outbox = outbox;
		this.publicUrl = publicUrl;
		this.messages = messages;
	}

	record ShopLink(long shopId, String accountKind, long accountId, String token, String shopCode, String shopName,
			String email) {
	}

	record OperatorLink(long accountId, String token, String email) {
	}

	private record Text(String subject, String body) {
	}

	void sendLinks(JdbcClient jdbc, long campaign, Instant deadline, Instant until, boolean crossShop) {
		String when = DEADLINE.format(deadline);
		Map<String, Text> texts = new HashMap<>();
		List<OutboundMail> mails = jdbc.sql(CampaignSql.ISSUE_SHOP_LINKS)
			.param("campaign", campaign)
			.param("until", Timestamp.from(until))
			.query(ShopLink.class)
			.list()
			.stream()
			.map(link -> mail(texts.computeIfAbsent(link.shopName(), sender -> text(sender, when)), link.email(),
					linkOf(link),
					"reset-campaign:" + campaign + ":" + link.accountKind() + ":" + link.shopId() + ":" + link.accountId(),
					link.shopId()))
			.toList();
		outbox.enqueueAll(mails, jdbc);
		if (crossShop) {
			Text platform = text("Misemori", when);
			outbox.enqueueAll(jdbc.sql(CampaignSql.ISSUE_OPERATOR_LINKS)
				.param("campaign", campaign)
				.param("until", Timestamp.from(until))
				.query(OperatorLink.class)
				.list()
				.stream()
				.filter(link -> link.email() != null)
				.map(link -> mail(platform, link.email(), publicUrl.of("/operator/password-reset?token=" + link.token()),
						"reset-campaign:" + campaign + ":OPERATOR:" + link.accountId(), null))
				.toList(), jdbc);
		}
	}

	private String linkOf(ShopLink link) {
		return "MEMBER".equals(link.accountKind())
				? publicUrl.of("/s/" + link.shopCode() + "/account/reset/confirm?token=" + link.token())
				: publicUrl.of("/admin/password-reset?shop=" + link.shopCode() + "&token=" + link.token());
	}

	private Text text(String sender, String deadline) {
		Object[] arguments = { sender, LINK, deadline };
		String subject = "【" + sender + "】" + messages.getMessage("campaign.mail.subject", null, Locale.JAPANESE) + " / "
				+ messages.getMessage("campaign.mail.subject", null, Locale.ENGLISH);
		String body = messages.getMessage("campaign.mail.body", arguments, Locale.JAPANESE) + "\n\n----\n\n"
				+ messages.getMessage("campaign.mail.body", arguments, Locale.ENGLISH);
		return new Text(subject, body);
	}

	private static OutboundMail mail(Text text, String to, String link, String dedupeKey, Long shopId) {
		return new OutboundMail(to, text.subject(), text.body().replace(LINK, link), dedupeKey, shopId);
	}

}
