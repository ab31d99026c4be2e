package sandboxpay.cards;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the shopper typed into the card form, checked. The number and the security code never
 * leave this object's holders: no getter reaches a log, a response or a webhook, and
 * {@link #toString()} hides them.
 */
public final class CardEntry {

	private static final Pattern EXPIRY = Pattern.compile("\\s*(\\d{1,2})\\s*/\\s*(\\d{2}|\\d{4})\\s*");

	private static final int MAX_INPUT = 64;

	final String number;

	final YearMonth expiry;

	final String holder;

	private CardEntry(String number, YearMonth expiry, String holder) {
		this.number = number;
		this.expiry = expiry;
		this.holder = holder;
	}

	/**
	 * Checks the form's fields; the first problem is thrown with the field it concerns. The
	 * security code is only checked here and then dropped: the simulated issuer needs nothing
	 * more than "it was given", and what is not kept cannot leak.
	 */
	public static CardEntry check(String rawNumber, String rawExpiry, String rawCode, String rawHolder,
			YearMonth thisMonth) {
		String number = digitsOf(rawNumber);
		if (number == null || number.length() < 12 || number.length() > 19) {
			throw new CardProblem("number", "card.number.format");
		}
		if (!Luhn.valid(number)) {
			throw new CardProblem("number", "card.number.luhn");
		}
		YearMonth expiry = expiryOf(rawExpiry);
		if (expiry.isBefore(thisMonth)) {
			throw new CardProblem("expiry", "card.expiry.past");
		}
		if (rawCode == null || !rawCode.strip().matches("\\d{3,4}")) {
			throw new CardProblem("code", "card.code.format");
		}
		String holder = rawHolder == null ? "" : rawHolder.strip();
		if (holder.isEmpty() || holder.length() > MAX_INPUT) {
			throw new CardProblem("holder", "card.holder.required");
		}
		return new CardEntry(number, expiry, holder);
	}

	public String brand() {
		return Brands.of(number);
	}

	public String last4() {
		return number.substring(number.length() - 4);
	}

	/** Spaces and hyphens as people type them are fine; anything else is not a card number. */
	private static String digitsOf(String raw) {
		if (raw == null || raw.length() > MAX_INPUT) {
			return null;
		}
		String digits = raw.replaceAll("[\\s-]", "");
		return digits.matches("\\d+") ? digits : null;
	}

	private static YearMonth expiryOf(String raw) {
		Matcher matcher = raw == null || raw.length() > MAX_INPUT ? null : EXPIRY.matcher(raw);
		if (matcher == null || !matcher.matches()) {
			throw new CardProblem("expiry", "card.expiry.format");
		}
		int month = Integer.parseInt(matcher.group(1));
		int year = Integer.parseInt(matcher.group(2));
		if (month < 1 || month > 12) {
			throw new CardProblem("expiry", "card.expiry.format");
		}
		return YearMonth.of(year < 100 ? 2000 + year : year, month);
	}

	@Override
	public String toString() {
		return "CardEntry[" + brand() + " ****]";
	}

}
