package org.misemori.storefront.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.misemori.catalog.Product;
import org.misemori.catalog.ProductId;
import org.misemori.catalog.ProductImage;
import org.misemori.catalog.ProductImages;
import org.misemori.platform.ShopRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Product images as a theme sees them: url, alt, width and height (and the list rendition's),
 * plain data. The URLs point at {@code misemori.assets.origin} when one is set (a cookieless
 * origin of its own), else at the shop's own origin — on its own host too.
 */
@Component
class ImageLinks {

	private final ProductImages images;

	private final String assetOrigin;

	ImageLinks(ProductImages images, @Value("${misemori.assets.origin:}") String assetOrigin) {
		this.images = images;
		this.assetOrigin = assetOrigin.strip().replaceAll("/+$", "");
	}

	/** Each product's images, ready for the theme; one query for all of them. */
	Map<ProductId, List<Map<String, Object>>> of(List<Product> products, ShopRequest shop) {
		Map<ProductId, List<ProductImage>> stored = images.of(products.stream().map(Product::id).toList());
		String base = base(shop);
		Map<ProductId, List<Map<String, Object>>> views = new LinkedHashMap<>();
		for (Product product : products) {
			views.put(product.id(), stored.getOrDefault(product.id(), List.of())
				.stream()
				.map(image -> view(image, product.title(), base))
				.toList());
		}
		return views;
	}

	private String base(ShopRequest shop) {
		return assetOrigin.isEmpty() ? shop.basePath() + "/images/"
				: assetOrigin + "/s/" + shop.shop().code().value() + "/images/";
	}

	private static Map<String, Object> view(ProductImage image, String productName, String base) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("url", base + image.fileName());
		view.put("alt", image.alt().isBlank() ? productName : image.alt());
		view.put("width", image.width());
		view.put("height", image.height());
		boolean small = image.smallWidth() > 0;
		view.put("small_url", base + image.smallFileName());
		view.put("small_width", small ? image.smallWidth() : image.width());
		view.put("small_height", small ? image.smallHeight() : image.height());
		return view;
	}

}
