package org.misemori.identity.environment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

import org.misemori.identity.domain.PublicUrl;
import org.misemori.identity.lockout.AccountKey;
import org.misemori.notify.OutboundMail;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The alert about a sign-in from a new environment, in Japanese and English (the platform does
 * not know which the holder reads): when (Japan time), from which address and browser, and the
 * "this was not me" link. Its dedupe key is the account and the environment's hash, so one
 * environment never alerts twice, whatever retries or races happen.
 */
@Component
class AlertMail {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter JAPANESE_TIME = DateTimeFormatter.ofPattern("uuuu年M月d日 H:mm", Locale.JAPANESE);

	private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", Locale.ENGLISH);

	private final MessageSource messages;

	private final PublicUrl publicUrl;

	AlertMail(MessageSource messages, PublicUrl publicUrl) {
		this.messages = messages;
		this.publicUrl = publicUrl;
	}

	OutboundMail compose(String to, AccountKey account, SignIn signIn, String token) {
		String link = publicUrl.of("/account/not-me?token=" + token);
		String japanese = body(account, signIn, link, JAPANESE_TIME, Locale.JAPANESE);
		String english = body(account, signIn, link, ENGLISH_TIME, Locale.ENGLISH);
		String subject = text("environment.mail.subject", Locale.JAPANESE) + " / "
				+ text("environment.mail.subject", Locale.ENGLISH);
		return new OutboundMail(to, subject,
				japanese + "\n\n" + text("environment.mail.english-follows", Locale.ENGLISH) + "\n\n" + english,
				"new-environment:" + account.id() + ":" + HexFormat.of().formatHex(signIn.environmentHash()),
				account.shopId());
	}

	private String body(AccountKey account, SignIn signIn, String link, DateTimeFormatter time, Locale locale) {
		return messages.getMessage("environment.mail.body", new Object[] { account.name(),
				time.format(signIn.at().atZone(JAPAN)), signIn.clientAddress(), signIn.browserFamily(), link,
				NotMeTokens.VALIDITY.toDays() }, locale);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	/** One successful password sign-in, as the alert describes it. */
	record SignIn(Instant at, String clientAddress, String browserFamily, byte[] environmentHash) {
	}

}
