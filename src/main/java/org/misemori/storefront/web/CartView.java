package org.misemori.storefront.web;

import java.util.Map;

import org.misemori.cart.CartContents;
import org.misemori.cart.CartLine;

/** What a theme may know of a cart: plain maps, prices already written as shoppers read them. */
final class CartView {

	private CartView() {
	}

	static Map<String, Object> of(CartContents contents, String base) {
		return Map.of("lines", contents.lines().stream().map(line -> line(line, base)).toList(), "count",
				contents.count(), "subtotal_label", ShopperView.yen(contents.subtotalYen()), "subtotal_yen",
				contents.subtotalYen());
	}

	private static Map<String, Object> line(CartLine line, String base) {
		return Map.of("variant_id", line.variant().value(), "name", line.productTitle(), "variant_name",
				line.variantName(), "url", base + "/products/" + line.productHandle(), "quantity", line.quantity(),
				"unit_price_label", ShopperView.yen(line.unitPriceYen()), "line_total_label",
				ShopperView.yen(line.lineTotalYen()), "available", line.available());
	}

}
