package org.misemori.ordering;

import java.util.List;
import java.util.Locale;

import org.misemori.catalog.Variant;
import org.misemori.platform.Shop;
import org.misemori.platform.TenantContext;

/** Orders placed through the real checkout, as a guest of {@code shop}. */
public final class OrderFixtures {

	private OrderFixtures() {
	}

	public static OrderId guestOrder(Checkout checkout, Shop shop, String email, String payment, Variant variant,
			int quantity) {
		return TenantContext.callAs(shop.id(), () -> {
			List<CheckoutItem> items = List.of(new CheckoutItem(variant.id(), quantity));
			CheckoutForm form = form(email, payment);
			Quote quote = checkout.quote(items, form, null);
			return checkout.place(items, form, null, Locale.JAPANESE, CheckoutKey.create(), quote.digest()).id();
		});
	}

	static CheckoutForm form(String email, String payment) {
		return new CheckoutForm("佐藤 一郎", "サトウ イチロウ", email, "03-1234-5678", "530-0001", "27", "大阪市北区梅田1-1",
				"", true, "", "", "", "", payment, "", "", "");
	}

}
