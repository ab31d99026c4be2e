package org.misemori.storefront.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.misemori.catalog.Product;
import org.misemori.catalog.ProductId;
import org.misemori.catalog.TaxClass;
import org.misemori.catalog.Variant;
import org.misemori.catalog.VariantOption;
import org.misemori.platform.ShopProfile;
import org.misemori.platform.ShopRequest;

/**
 * What a theme may know of the shop and its products: plain maps of strings, numbers and
 * booleans, with prices already written as shoppers read them (tax included, 総額表示), so no
 * template does arithmetic on money and none ever holds a Java object.
 */
final class ShopperView {

	private ShopperView() {
	}

	static Map<String, Object> shop(ShopRequest shop, ShopProfile profile) {
		return Map.of("name", shop.shop().name(), "base", shop.basePath(), "code", shop.shop().code().value(), "tagline",
				text(profile.tagline()), "description", text(profile.description()));
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	static Map<String, Object> product(Product product, String base, List<Map<String, Object>> images) {
		Map<String, Object> view = card(product, base, images);
		view.put("description", product.description() == null ? "" : product.description());
		view.put("variants", product.variants().stream().map(ShopperView::variant).toList());
		return view;
	}

	/** {@code images}: each product's images as {@link ImageLinks} gives them. */
	static List<Map<String, Object>> cards(List<Product> products, String base,
			Map<ProductId, List<Map<String, Object>>> images) {
		return products.stream().map(product -> card(product, base, images.getOrDefault(product.id(), List.of()))).toList();
	}

	private static Map<String, Object> card(Product product, String base, List<Map<String, Object>> images) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("images", images);
		if (!images.isEmpty()) {
			view.put("featured_image", images.get(0));
		}
		view.put("handle", product.handle().value());
		view.put("name", product.title());
		view.put("url", base + "/products/" + product.handle().value());
		boolean severalPrices = product.variants().stream().mapToLong(Variant::priceYen).distinct().count() > 1;
		view.put("price_label", yen(product.fromPriceYen()) + (severalPrices ? "〜" : ""));
		view.put("price_yen", product.fromPriceYen());
		view.put("reduced_rate", product.taxClass() == TaxClass.REDUCED);
		view.put("available", product.variants().stream().anyMatch(variant -> variant.available() > 0));
		return view;
	}

	private static Map<String, Object> variant(Variant variant) {
		String name = variant.options().stream().map(VariantOption::value).collect(Collectors.joining(" / "));
		return Map.of("id", variant.id().value(), "sku", variant.sku(), "name", name.isEmpty() ? variant.sku() : name,
				"price_label", yen(variant.priceYen()), "price_yen", variant.priceYen(), "available", variant.available() > 0);
	}

	/**
	 * ¥1,650: yen with thousands separators, as Japanese shops print prices (as
	 * {@code NumberFormat.getIntegerInstance(Locale.JAPAN)} writes them). Written by hand: a
	 * NumberFormat is not thread-safe, and making one per price (its pattern parsed each time)
	 * was 6 % of a category page.
	 */
	static String yen(long amount) {
		String digits = Long.toString(amount);
		int start = amount < 0 ? 1 : 0;
		StringBuilder text = new StringBuilder(digits.length() + 8).append('¥').append(digits, 0, start);
		for (int i = start; i < digits.length(); i++) {
			if (i > start && (digits.length() - i) % 3 == 0) {
				text.append(',');
			}
			text.append(digits.charAt(i));
		}
		return text.toString();
	}

}
