package org.misemori.identity.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.misemori.identity.domain.PublicUrl;
import org.misemori.notify.MailOutbox;
import org.misemori.notify.OutboundMail;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues every account's link and queues its mail, Japanese then English. The dedupe key names
 * the campaign and the account, so however often this runs an account gets one mail.
 */
@Component
class CampaignMail {

	private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(CampaignRequest.SHOP_TIME);

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

	void sendLinks(JdbcClient jdbc, long campaign, Instant deadline, Instant until, boolean crossShop) {
		String when = DEADLINE.format(deadline);
		long t0 = System.nanoTime();
		var links = jdbc.sql(CampaignSql.ISSUE_SHOP_LINKS)
			.param("campaign", campaign)
			.param("until", Timestamp.from(until))
			.query(ShopLink.class)
			.list();
		System.out.println("TIMING issue=" + (System.nanoTime() - t0) / 1_000_000);
		t0 = System.nanoTime();
		var mails = links.stream().map(link -> compose(link.email(), link.shopName(), linkOf(link), when,
					"reset-campaign:" + campaign + ":" + link.accountKind() + ":" + link.shopId() + ":" + link.accountId(),
					link.shopId())).toList();
		System.out.println("TIMING compose=" + (System.nanoTime() - t0) / 1_000_000);
		t0 = System.nanoTime();
		links.stream()
			.forEach(link -> queue(jdbc, crossShop, compose(link.email(), link.shopName(), linkOf(link), when,
					"reset-campaign:" + campaign + ":" + link.accountKind() + ":" + link.shopId() + ":" + link.accountId(),
					link.shopId())));
		System.out.println("TIMING queue=" + (System.nanoTime() - t0) / 1_000_000);
		if (crossShop) {
			jdbc.sql(CampaignSql.ISSUE_OPERATOR_LINKS)
				.param("campaign", campaign)
				.param("until", Timestamp.from(until))
				.query(OperatorLink.class)
				.list()
			.stream()
				.filter(link -> link.email() != null)
				.forEach(link -> queue(jdbc, true,
						compose(link.email(), "Misemori", publicUrl.of("/operator/password-reset?token=" + link.token()),
								when, "reset-campaign:" + campaign + ":OPERATOR:" + link.accountId(), null)));
		}
	}

	private String linkOf(ShopLink link) {
		return "MEMBER".equals(link.accountKind())
				? publicUrl.of("/s/" + link.shopCode() + "/account/reset/confirm?token=" + link.token())
				: publicUrl.of("/admin/password-reset?shop=" + link.shopCode() + "&token=" + link.token());
	}

	private OutboundMail compose(String to, String sender, String link, String deadline, String dedupeKey, Long shopId) {
		Object[] arguments = { sender, link, deadline };
		String subject = "【" + sender + "】" + messages.getMessage("campaign.mail.subject", null, Locale.JAPANESE) + " / "
				+ messages.getMessage("campaign.mail.subject", null, Locale.ENGLISH);
		String body = messages.getMessage("campaign.mail.body", arguments, Locale.JAPANESE) + "\n\n----\n\n"
				+ messages.getMessage("campaign.mail.body", arguments, Locale.ENGLISH);
		return new OutboundMail(to, subject, body, dedupeKey, shopId);
	}

	private void queue(JdbcClient jdbc, boolean crossShop, OutboundMail mail) {
		if (crossShop) {
			outbox.enqueue(mail, jdbc);
		}
		else {
			outbox.enqueue(mail);
		}
	}

}
