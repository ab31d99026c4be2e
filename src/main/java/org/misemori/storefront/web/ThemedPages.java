package org.misemori.storefront.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.catalog.Catalog;
import org.misemori.catalog.Category;
import org.misemori.catalog.ProductPage;
import org.misemori.platform.ShopProfile;
import org.misemori.platform.ShopProfiles;
import org.misemori.platform.ShopRequest;
import org.misemori.theme.TemplateData;
import org.misemori.theme.ThemeRenderer;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The catalog pages of a shop, rendered by the shop's own theme in the sandbox, at Shopify's
 * URL shapes ({@code /products/{handle}}, {@code /collections/{handle}}, {@code /search}).
 * The theme sees plain data only ({@link ShopperView}); a theme that breaks its limits gives
 * the shopper the fixed fallback page. Checkout and payment pages never come through here.
 */
@Controller
class ThemedPages {

	private static final int MAX_QUERY_LENGTH = 100;

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final Catalog catalog;

	private final ThemeRenderer themes;

	private final ShopProfiles profiles;

	ThemedPages(Catalog catalog, ThemeRenderer themes, ShopProfiles profiles) {
		this.catalog = catalog;
		this.themes = themes;
		this.profiles = profiles;
	}

	/** The shop's home: its first collection (the lowest position) is its featured products. */
	@GetMapping("/s/{shopCode}/")
	ResponseEntity<String> home(HttpServletRequest request) {
		ShopRequest shop = openShop(request);
		List<Map<String, Object>> featured = catalog.categories()
			.stream()
			.min(java.util.Comparator.comparingInt(Category::position))
			.map(first -> ShopperView.cards(catalog.listPublishedInCategory(first.handle().value(), 1).products(),
					shop.basePath()))
			.orElse(List.of());
		return page(shop, "home", Map.of("products", featured));
	}

	@GetMapping("/s/{shopCode}/products/{handle}")
	ResponseEntity<String> product(@PathVariable String handle, HttpServletRequest request) {
		ShopRequest shop = openShop(request);
		return catalog.findPublishedByHandle(handle)
			.map(product -> page(shop, "product", Map.of("product", ShopperView.product(product, shop.basePath()),
					"page_title", product.title())))
			.orElseGet(() -> notFound(shop));
	}

	@GetMapping("/s/{shopCode}/collections/{handle}")
	ResponseEntity<String> collection(@PathVariable String handle, @RequestParam(defaultValue = "1") int page,
			HttpServletRequest request) {
		ShopRequest shop = openShop(request);
		Category category = catalog.categories()
			.stream()
			.filter(c -> c.handle().value().equals(handle))
			.findFirst()
			.orElse(null);
		if (category == null) {
			return notFound(shop);
		}
		ProductPage products = catalog.listPublishedInCategory(handle, Math.max(1, Math.min(page, 1_000)));
		return page(shop, "collection",
				Map.of("collection", Map.of("name", category.title(), "handle", handle, "products",
						ShopperView.cards(products.products(), shop.basePath()), "page", products.page(), "has_next",
						products.hasNext()), "page_title", category.title()));
	}

	@GetMapping("/s/{shopCode}/search")
	ResponseEntity<String> search(@RequestParam(name = "q", defaultValue = "") String query, HttpServletRequest request) {
		ShopRequest shop = openShop(request);
		String terms = query.strip();
		if (terms.length() > MAX_QUERY_LENGTH) {
			terms = terms.substring(0, MAX_QUERY_LENGTH);
		}
		List<Map<String, Object>> results = terms.isEmpty() ? List.of()
				: ShopperView.cards(catalog.search(terms), shop.basePath());
		return page(shop, "search", Map.of("search", Map.of("terms", terms, "results", results)));
	}

	private ResponseEntity<String> page(ShopRequest shop, String template, Map<String, Object> model) {
		return render(shop, HttpStatus.OK, template, model);
	}

	private ResponseEntity<String> notFound(ShopRequest shop) {
		return render(shop, HttpStatus.NOT_FOUND, "search", Map.of("search", Map.of("terms", "", "results", List.of()),
				"not_found", true));
	}

	private ResponseEntity<String> render(ShopRequest shop, HttpStatus status, String template, Map<String, Object> model) {
		Locale locale = LocaleContextHolder.getLocale();
		TemplateData data = TemplateData.of(model)
			.with("shop", ShopperView.shop(shop, profiles.current().orElseGet(ShopProfile::empty)))
			.with("template", template);
		String html = themes.renderPage(template, data, Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
				? Locale.ENGLISH : Locale.JAPANESE);
		return ResponseEntity.status(status).contentType(HTML).body(html);
	}

	/** A closed shop's catalog is not read for shoppers: they see only that it has closed. */
	private static ShopRequest openShop(HttpServletRequest request) {
		ShopRequest shop = ShopRequest.of(request).orElseThrow(UnknownShopException::new);
		if (!shop.shop().isOpen()) {
			throw new ClosedShopException(shop);
		}
		return shop;
	}

	@ExceptionHandler(UnknownShopException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknownShop() {
		return "storefront/not-found";
	}

	@ExceptionHandler(ClosedShopException.class)
	@ResponseStatus(HttpStatus.GONE)
	String closedShop(ClosedShopException closed, Model model) {
		model.addAttribute("shop", closed.shop().shop());
		return "storefront/closed";
	}

	/** The shop of the request has closed. */
	static final class ClosedShopException extends RuntimeException {

		private final transient ShopRequest shop;

		ClosedShopException(ShopRequest shop) {
			super("shop " + shop.shop().code() + " is closed", null, false, false);
			this.shop = shop;
		}

		ShopRequest shop() {
			return shop;
		}

	}

}
