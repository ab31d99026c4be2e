package org.misemori.theme.sandbox;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.misemori.theme.ThemeRenderProblem;

/**
 * No themed page may ask for a card. System Five's skimmer was a form on the shop's own
 * checkout page; MakeShop's attacker edited what the admin panel let them edit. A theme is
 * exactly that, so a rendered page with a form field that looks like a card number, expiry or
 * security code (by its autocomplete token, name, id or the words around it) is not shown: the
 * shopper gets the fallback page, the owner the reason. Card data is typed on the payment
 * provider's origin only.
 *
 * <p>A pattern over the markup rather than a parser: only pages with a form field are looked at
 * at all (one {@code indexOf}), and the check must hold whatever markup a theme writes, well
 * formed or not. Only the attributes that say what a field is for are read (name, id,
 * autocomplete, placeholder, title, aria-label): a value is often random (a CSRF token, a
 * checkout key) and may spell "cvv" by chance. A label elsewhere on the page is not read.
 */
final class CardFieldGuard {

	private static final Pattern FIELD = Pattern.compile("<(input|textarea|select)\\b[^>]*>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern PURPOSE = Pattern.compile(
			"\\b(?:name|id|autocomplete|placeholder|title|aria-label)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CARD = Pattern.compile(
			"cc-(number|csc|exp|exp-month|exp-year)|card[-_ ]?(num|no\\b|number)|cardnumber|\\bpan\\b|cvv|cvc|\\bcsc\\b"
					+ "|security[-_ ]?code|カード番号|セキュリティコード|有効期限",
			Pattern.CASE_INSENSITIVE);

	private CardFieldGuard() {
	}

	static String check(String html) {
		if (html.indexOf("<input") < 0 && html.indexOf("<INPUT") < 0 && html.indexOf("<textarea") < 0
				&& html.indexOf("<select") < 0) {
			return html;
		}
		Matcher field = FIELD.matcher(html);
		while (field.find()) {
			Matcher purpose = PURPOSE.matcher(field.group());
			while (purpose.find()) {
				Matcher card = CARD.matcher(purpose.group(1));
				if (card.find()) {
					throw new ThemeRenderProblem(ThemeRenderProblem.Kind.CARD_FIELD, card.group().toLowerCase(Locale.ROOT));
				}
			}
		}
		return html;
	}

}
