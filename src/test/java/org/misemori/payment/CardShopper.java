package org.misemori.payment;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guest buying one item of the demo shop by card, over real HTTP through the theme's forms,
 * then typing cards into the provider's pages: redirect (the provider's own page) or iframe
 * (Misemori's fixed page framing the provider's card fields, walked as a browser would).
 */
final class CardShopper {

	private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

	private static final Pattern ENABLED_VARIANT = Pattern.compile("<option value=\"(\\d+)\">");

	private static final Pattern IFRAME_SRC = Pattern.compile("<iframe[^>]*src=\"([^\"]+)\"");

	/** One card typed on the provider's form. */
	record Card(String number, String expiry, String code) {
	}

	/** An order placed by card: its one-time checkout key, and Misemori's answer to "place order". */
	record Placed(String key, HttpResponse<String> answer) {
	}

	private final RecordingBrowser browser;

	private final String base;

	CardShopper(RecordingBrowser browser, String misemoriOrigin) {
		this.browser = browser;
		this.base = misemoriOrigin + "/s/demo";
	}

	/** Product page → cart → checkout form (card) → confirmation → "place order". */
	Placed placeCardOrder(String productHandle, String email) throws Exception {
		HttpResponse<String> product = browser.get(base + "/products/" + productHandle);
		assertThat(product.statusCode()).as(productHandle).isEqualTo(200);
		Matcher variant = ENABLED_VARIANT.matcher(product.body());
		assertThat(variant.find()).as("an available variant of " + productHandle).isTrue();
		HttpResponse<String> added = browser.post(base + "/cart/add", Map.of("variant", variant.group(1), "quantity", "1"));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
		assertThat(browser.get(base + "/checkout").statusCode()).isEqualTo(200);
		HttpResponse<String> confirmation = browser.post(base + "/checkout/confirm", guestForm(email));
		assertThat(confirmation.statusCode()).as(confirmation.body()).isEqualTo(200);
		List<Map.Entry<String, String>> placeForm = placeForm(confirmation.body());
		String key = placeForm.stream().filter(f -> f.getKey().equals("checkoutKey")).findFirst().orElseThrow().getValue();
		HttpResponse<String> placed = browser.post(base + "/checkout/place", placeForm);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(303);
		return new Placed(key, placed);
	}

	/**
	 * Pays on the provider's page (redirect) or in its fields framed by Misemori's page (iframe):
	 * each card in turn (a declined one is followed by the next), the 3-D Secure challenge
	 * answered; then back to the shop's completion page, which is returned.
	 */
	HttpResponse<String> pay(Placed placed, boolean iframe, List<Card> cards) throws Exception {
		return browser.follow(payAtProvider(placed, iframe, cards));
	}

	/** As {@link #pay}, up to the provider's redirect back to the shop, which is not followed. */
	HttpResponse<String> payAtProvider(Placed placed, boolean iframe, List<Card> cards) throws Exception {
		String formUrl = RecordingBrowser.location(placed.answer()).toString();
		if (iframe) {
			assertThat(formUrl).as("the fixed page framing the card fields").contains("/s/demo/checkout/pay/");
			HttpResponse<String> framing = browser.get(formUrl);
			assertThat(framing.statusCode()).isEqualTo(200);
			Matcher src = IFRAME_SRC.matcher(framing.body());
			assertThat(src.find()).as(framing.body()).isTrue();
			formUrl = src.group(1).replace("&amp;", "&");
		}
		HttpResponse<String> page = browser.followOnProvider(browser.get(formUrl));
		for (Card card : cards) {
			page = browser.followOnProvider(browser.post(RecordingBrowser.formAction(page, "/card"),
					Map.of("number", card.number(), "expiry", card.expiry(), "code", card.code(), "holder", "HANAKO YAMADA")));
			if (page.statusCode() == 200 && page.body().contains("/challenge\"")) {
				page = browser.followOnProvider(browser.post(RecordingBrowser.formAction(page, "/challenge"),
						Map.of("otp", "123456")));
			}
			if (RecordingBrowser.isRedirect(page) || page.body().contains("/finish\"")) {
				break;
			}
		}
		if (iframe) {
			page = browser.post(RecordingBrowser.formAction(page, "/finish"), Map.of());
		}
		assertThat(RecordingBrowser.isRedirect(page)).as("back to the shop: %s", page.body()).isTrue();
		assertThat(browser.isMisemori(RecordingBrowser.location(page))).isTrue();
		return page;
	}

	static Map<String, String> guestForm(String email) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "山田 花子");
		form.put("kana", "ヤマダ ハナコ");
		form.put("email", email);
		form.put("phone", "090-1234-5678");
		form.put("postalCode", "100-0001");
		form.put("prefecture", "13");
		form.put("address", "千代田区千代田1-1");
		form.put("building", "皇居前ハイツ101");
		form.put("recipientSame", "true");
		form.put("payment", "CARD");
		return form;
	}

	private static List<Map.Entry<String, String>> placeForm(String confirmation) {
		String form = confirmation.substring(confirmation.indexOf("class=\"checkout-place\""));
		form = form.substring(0, form.indexOf("</form>"));
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		Matcher hidden = HIDDEN.matcher(form);
		while (hidden.find()) {
			if (!"_csrf".equals(hidden.group(1))) {
				fields.add(Map.entry(hidden.group(1), hidden.group(2).replace("&quot;", "\"").replace("&#39;", "'")
					.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")));
			}
		}
		return fields;
	}

}
