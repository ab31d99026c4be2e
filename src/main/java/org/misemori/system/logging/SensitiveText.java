package org.misemori.system.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must never reach a log line, found in free text: card numbers (Store-mix kept them in its
 * payment gateway's logs), the values of anything named like a password, secret, token, card
 * security code or authorization, and email addresses and phone numbers. Applied to every
 * message, argument-formatted or not, and to every exception message.
 * <p>
 * Hand-written because the rules are ours (Luhn-checked card numbers, Japanese phone numbers,
 * Japanese field names) and no logging library masks both Spring Boot's pattern and structured
 * output; the patterns are linear (no nested quantifiers over the same characters).
 */
final class SensitiveText {

	static final String REMOVED = "[REDACTED]";

	/**
	 * {@code name=value}, {@code name: value}, {@code "name":"value"}: the name contains one of
	 * the words, the value is a quoted string or runs to the next separator. A value that is a
	 * scheme and a credential ({@code Bearer abc}) loses both.
	 */
	private static final Pattern NAMED_SECRET = Pattern.compile("(?iu)(\"?[\\w.\\-\\[\\]]*"
			+ "(?:password|passwd|passphrase|pwd|secret|token|cvv|cvc|security[_\\- ]?code|authorization|api[_\\-]?key"
			+ "|credential|cookie|パスワード|セキュリティコード|暗証番号)[\\w.\\-\\[\\]]*\"?\\s*[:=]\\s*)"
			+ "(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\[?(?:(?:bearer|basic|digest)\\s+)?[^\\s&,;}\\]\"]+)");

	private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/\\-]{8,}=*");

	/** 13 to 19 digits, optionally grouped by single spaces or hyphens, not inside a longer number. */
	private static final Pattern CARD_LIKE = Pattern.compile("(?<![\\d\\-])\\d(?:[ \\-]?\\d){12,18}(?![\\d])");

	private static final Pattern EMAIL = Pattern
		.compile("(?iu)[\\p{L}\\p{N}._%+\\-]+@([\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*\\.\\p{L}{2,})");

	/** Japanese numbers: 0X… of 10 or 11 digits, or +81 …, with optional hyphens or spaces. */
	private static final Pattern PHONE = Pattern
		.compile("(?<![\\d\\-+.])(?:\\+81[ \\-]?\\d{1,4}|0\\d{1,4})[ \\-]?\\d{1,4}[ \\-]?\\d{3,4}(?![\\d\\-])");

	private SensitiveText() {
	}

	static String redact(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String result = NAMED_SECRET.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + REMOVED));
		result = BEARER.matcher(result).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + " " + REMOVED));
		result = CARD_LIKE.matcher(result).replaceAll(match -> Matcher.quoteReplacement(maskedCard(match.group())));
		result = EMAIL.matcher(result).replaceAll(match -> Matcher.quoteReplacement("***@" + match.group(1)));
		return PHONE.matcher(result).replaceAll(match -> Matcher.quoteReplacement(maskedPhone(match.group())));
	}

	/** A Luhn-valid number keeps its last four digits; any other run of digits is left alone. */
	private static String maskedCard(String candidate) {
		String digits = candidate.replaceAll("[ \\-]", "");
		if (!luhnValid(digits)) {
			return candidate;
		}
		return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
	}

	private static String maskedPhone(String phone) {
		long digits = phone.chars().filter(Character::isDigit).count();
		boolean international = phone.startsWith("+81");
		if (international ? digits < 11 || digits > 12 : digits < 10 || digits > 11) {
			return phone;
		}
		return "***-****-" + phone.substring(phone.length() - 4);
	}

	static boolean luhnValid(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

}
