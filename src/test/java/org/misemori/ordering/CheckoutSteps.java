package org.misemori.ordering;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.misemori.TestBrowser;
import org.misemori.catalog.Variant;

import static org.assertj.core.api.Assertions.assertThat;

/** A shopper going through checkout over real HTTP, the way the theme's forms post. */
public final class CheckoutSteps {

	private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

	/** Product handles by product id, registered by {@link #product}. */
	private static final Map<Long, String> handles = new java.util.concurrent.ConcurrentHashMap<>();

	private CheckoutSteps() {
	}

	/** Remembers the product page of a fixture's variant, for {@link #addToCart}. */
	public static Variant product(org.misemori.catalog.Catalog catalog, org.misemori.platform.Shop shop, Variant variant) {
		handles.put(variant.productId().value(), org.misemori.platform.TenantContext.callAs(shop.id(),
				() -> catalog.find(variant.productId()).orElseThrow().handle().value()));
		return variant;
	}

	/** A guest's form that passes every check: Tokyo, bank transfer, no date. */
	public static Map<String, String> guestForm(String email) {
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
		form.put("payment", "BANK_TRANSFER");
		return form;
	}

	/** Adds from the variant's product page, whose form carries the CSRF token as a shopper's would. */
	public static void addToCart(TestBrowser browser, String base, Variant variant, int quantity) throws Exception {
		HttpResponse<String> page = browser.get(base + "/products/" + handles.get(variant.productId().value()));
		assertThat(page.statusCode()).isEqualTo(200);
		HttpResponse<String> added = browser.post(base + "/cart/add",
				Map.of("variant", Long.toString(variant.id().value()), "quantity", Integer.toString(quantity)));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
	}

	/** Opens checkout and sends the form: the confirmation page (or the form again, with its errors). */
	public static HttpResponse<String> confirm(TestBrowser browser, String base, Map<String, String> form) throws Exception {
		HttpResponse<String> checkout = browser.get(base + "/checkout");
		assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(200);
		return browser.post(base + "/checkout/confirm", form);
	}

	/** Presses "place order" on a confirmation page, sending exactly its hidden fields. */
	public static HttpResponse<String> place(TestBrowser browser, String base, HttpResponse<String> confirmation)
			throws Exception {
		return browser.post(base + "/checkout/place", placeForm(confirmation));
	}

	public static List<Map.Entry<String, String>> placeForm(HttpResponse<String> confirmation) {
		String form = confirmation.body().substring(confirmation.body().indexOf("class=\"checkout-place\""));
		form = form.substring(0, form.indexOf("</form>"));
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		Matcher hidden = HIDDEN.matcher(form);
		while (hidden.find()) {
			if (!"_csrf".equals(hidden.group(1))) {
				fields.add(Map.entry(hidden.group(1), unescape(hidden.group(2))));
			}
		}
		return fields;
	}

	private static String unescape(String html) {
		return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
	}

}
