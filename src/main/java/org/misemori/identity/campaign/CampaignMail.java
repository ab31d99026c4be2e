package org.misemori.identity.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.misemori.identity.domain.PublicUrl;
import org.misemori.notify.MailOutbox;
import org.misemori.notify.OutboundMail;
import org.misemori.platform.ShopId;
import org.misemori.vault.FieldRef;
import org.misemori.vault.PersonalDataReader;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues every account's link and queues its mail, Japanese then English. The dedupe key names
 * the campaign and the account, so however often this runs an account gets one mail. The text
 * is formatted once per sender and only the link differs: ten thousand mails are ten thousand
 * string replacements, not forty thousand message lookups. Addresses arrive sealed and are
 * opened with one recorded reading per shop and kind of account, however many they are.
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

	private final PersonalDataReader reader;

	CampaignMail(MailOutbox outbox, PublicUrl publicUrl, MessageSource messages, PersonalDataReader reader) {
		this.outbox = outbox;
		this.publicUrl = publicUrl;
		this.messages = messages;
		this.reader = reader;
	}

	static final String PURPOSE = "forced password-reset campaign mail";

	record ShopLink(long shopId, String accountKind, long accountId, String token, String shopCode, String shopName,
			byte[] emailSealed) {

		/** Where the address was sealed: the account kind's table, its id (see V26). */
		FieldRef emailField() {
			return FieldRef.of("MEMBER".equals(accountKind) ? "identity.member_account" : "identity.staff_account",
					"email", accountId);
		}

	}

	/** One shop's accounts of one kind: the unit of a recorded reading. */
	private record Readers(long shopId, String accountKind) {
	}

	record OperatorLink(long accountId, String token, String email) {
	}

	private record Text(String subject, String body) {
	}

	void sendLinks(JdbcClient jdbc, long campaign, Instant deadline, Instant until, boolean crossShop) {
		String when = DEADLINE.format(deadline);
		Map<String, Text> texts = new HashMap<>();
		outbox.enqueueAll(shopMails(jdbc, campaign, until, when, texts), jdbc);
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

	/** The shops' links, their addresses opened with one recorded reading per shop and kind of account. */
	private List<OutboundMail> shopMails(JdbcClient jdbc, long campaign, Instant until, String when,
			Map<String, Text> texts) {
		// After five runs on a pooled connection PostgreSQL may keep a generic plan made for small
		// campaigns; for ten thousand accounts it took 32 s instead of 1.5 s. Plan this one afresh.
		jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
		Map<Readers, List<ShopLink>> links = jdbc.sql(CampaignSql.ISSUE_SHOP_LINKS)
			.param("campaign", campaign)
			.param("until", Timestamp.from(until))
			.query(ShopLink.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy(link -> new Readers(link.shopId(), link.accountKind()), LinkedHashMap::new,
					Collectors.toList()));
		// Every mail in one list, so the outbox still writes them a thousand to a statement.
		List<OutboundMail> mails = new ArrayList<>();
		links.forEach((readers, group) -> {
			try (var reading = reader.open(new ShopId(readers.shopId()), readers.accountKind(), PURPOSE)) {
				for (ShopLink link : group) {
					String to = reading.field(link.emailField(), link.emailSealed());
					if (to != null) {
						mails.add(mail(texts.computeIfAbsent(link.shopName(), sender -> text(sender, when)), to,
								linkOf(link), "reset-campaign:" + campaign + ":" + link.accountKind() + ":" + link.shopId()
										+ ":" + link.accountId(),
								link.shopId()));
					}
				}
			}
		});
		return mails;
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
