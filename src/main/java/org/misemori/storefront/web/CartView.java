package org.misemori.storefront.web;

import java.util.Map;

import org.misemori.cart.CartContents;
import org.misemori.cart.CartLine;

/** What a theme may know of a cart: plain maps, prices already written as shoppers read them. */
final class CartView {

	private CartView() {
	}

	/** {@code images}: the featured image of each line's product, by handle (absent when it has none). */
	static Map<String, Object> of(CartContents contents, String base, Map<String, Map<String, Object>> images) {
		return Map.of("lines", contents.lines().stream().map(line -> line(line, base, images.get(line.productHandle()))).toList(), "count",
				contents.count(), "subtotal_label", ShopperView.yen(contents.subtotalYen()), "subtotal_yen",
				contents.subtotalYen());
	}

	private static Map<String, Object> line(CartLine line, String base, Map<String, Object> image) {
		Map<String, Object> view = new java.util.LinkedHashMap<>(Map.of("variant_id", line.variant().value(), "name", line.productTitle(), "variant_name",
				line.variantName(), "url", base + "/products/" + line.productHandle(), "quantity", line.quantity(),
				"unit_price_label", ShopperView.yen(line.unitPriceYen()), "line_total_label",
				ShopperView.yen(line.lineTotalYen()), "available", line.available()));
		if (image != null) {
			view.put("image", image);
		}
		return view;
	}

}
