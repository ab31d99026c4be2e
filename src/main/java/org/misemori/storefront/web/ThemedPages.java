package org.misemori.storefront.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.catalog.Catalog;
import org.misemori.catalog.Category;
import org.misemori.catalog.Product;
import org.misemori.catalog.ProductPage;
import org.misemori.platform.ShopRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The catalog pages of a shop, rendered by the shop's own theme in the sandbox, at Shopify's
 * URL shapes ({@code /products/{handle}}, {@code /collections/{handle}}, {@code /search}).
 * The theme sees plain data only ({@link ShopperView}); a theme that breaks its limits gives
 * the shopper the fixed fallback page. Checkout and payment pages never come through here.
 */
@Controller
class ThemedPages {

	private static final int MAX_QUERY_LENGTH = 100;

	private final Catalog catalog;

	private final ThemedResponses responses;

	private final ImageLinks images;

	private final PageReads reads;

	private final ShopperPageCache pageCache;

	ThemedPages(Catalog catalog, ThemedResponses responses, ImageLinks images, PageReads reads,
			ShopperPageCache pageCache) {
		this.pageCache = pageCache;
		this.catalog = catalog;
		this.responses = responses;
		this.images = images;
		this.reads = reads;
	}

	private List<Map<String, Object>> cards(List<Product> products, ShopRequest shop) {
		return ShopperView.cards(products, shop.basePath(), images.of(products, shop));
	}

	/** The shop's home: its first collection (the lowest position) is its featured products. */
	@GetMapping("/s/{shopCode}/")
	ResponseEntity<String> home(HttpServletRequest request) {
		return reads.of(() -> keepable(request, () -> homePage(request)));
	}

	private ResponseEntity<String> homePage(HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		List<Map<String, Object>> featured = catalog.categories()
			.stream()
			.min(Comparator.comparingInt(Category::position))
			.map(first -> cards(catalog.listPublishedInCategory(first.handle().value(), 1).products(), shop))
			.orElse(List.of());
		return page(shop, "home", Map.of("products", featured), request);
	}

	@GetMapping("/s/{shopCode}/products/{handle}")
	ResponseEntity<String> product(@PathVariable String handle, HttpServletRequest request) {
		return reads.of(() -> keepable(request, () -> productPage(handle, request)));
	}

	private ResponseEntity<String> productPage(String handle, HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		return catalog.findPublishedByHandle(handle)
			.map(product -> page(shop, "product", Map.of("product", ShopperView.product(product, shop.basePath(),
					images.of(List.of(product), shop).get(product.id())), "page_title", product.title()), request))
			.orElseGet(() -> notFound(shop, request));
	}

	@GetMapping("/s/{shopCode}/collections/{handle}")
	ResponseEntity<String> collection(@PathVariable String handle, @RequestParam(defaultValue = "1") int page,
			HttpServletRequest request) {
		return reads.of(() -> keepable(request, () -> collectionPage(handle, page, request)));
	}

	private ResponseEntity<String> collectionPage(String handle, int page, HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		Category category = catalog.categories()
			.stream()
			.filter(c -> c.handle().value().equals(handle))
			.findFirst()
			.orElse(null);
		if (category == null) {
			return notFound(shop, request);
		}
		ProductPage products = catalog.listPublishedInCategory(handle, Math.max(1, Math.min(page, 1_000)));
		return page(shop, "collection",
				Map.of("collection", Map.of("name", category.title(), "handle", handle, "products",
						cards(products.products(), shop), "page", products.page(), "has_next",
						products.hasNext()), "page_title", category.title()), request);
	}

	@GetMapping("/s/{shopCode}/search")
	ResponseEntity<String> search(@RequestParam(name = "q", defaultValue = "") String query, HttpServletRequest request) {
		return reads.of(() -> keepable(request, () -> searchPage(query, request)));
	}

	private ResponseEntity<String> searchPage(String query, HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		String terms = query.strip();
		if (terms.length() > MAX_QUERY_LENGTH) {
			terms = terms.substring(0, MAX_QUERY_LENGTH);
		}
		List<Map<String, Object>> results = terms.isEmpty() ? List.of()
				: cards(catalog.search(terms), shop);
		return page(shop, "search", Map.of("search", Map.of("terms", terms, "results", results)), request);
	}

	/**
	 * A catalog page the same for every anonymous shopper: when {@link ShopperPageFilter} is
	 * rendering it to keep, the shop's storefront generation is read first in the page's
	 * transaction, so what is kept is that generation's data or newer.
	 */
	private ResponseEntity<String> keepable(HttpServletRequest request, Supplier<ResponseEntity<String>> page) {
		PageCapture capture = PageCapture.of(request);
		if (capture != null) {
			ShopRequest.of(request)
				.filter(shop -> shop.shop().isOpen())
				.ifPresent(shop -> capture.readAt(shop.shop().id(), pageCache.generationNow(shop.shop().id())));
		}
		return page.get();
	}

	private ResponseEntity<String> page(ShopRequest shop, String template, Map<String, Object> model,
			HttpServletRequest request) {
		return responses.render(shop, HttpStatus.OK, template, model, request);
	}

	private ResponseEntity<String> notFound(ShopRequest shop, HttpServletRequest request) {
		return responses.render(shop, HttpStatus.NOT_FOUND, "search",
				Map.of("search", Map.of("terms", "", "results", List.of()), "not_found", true), request);
	}

}
