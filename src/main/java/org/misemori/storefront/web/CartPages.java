package org.misemori.storefront.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.misemori.cart.CartContents;
import org.misemori.cart.CartException;
import org.misemori.cart.CartId;
import org.misemori.cart.CartLine;
import org.misemori.cart.CartQuantity;
import org.misemori.cart.Carts;
import org.misemori.cart.OpenedCart;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.Product;
import org.misemori.catalog.VariantId;
import org.misemori.identity.SignedInMember;
import org.misemori.platform.ShopRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The shopper's cart, rendered by the shop's theme. The cart is found by the token in the
 * cookie {@code misemori_cart_<shop id>} (HttpOnly, SameSite=Lax, Secure over https, scoped to
 * the shop's path); Spring Security's CSRF check guards every POST. Refused input shows the
 * cart again with the reason and HTTP 422, and changes nothing.
 */
@Controller
class CartPages {

	private static final Duration COOKIE_LIFETIME = Duration.ofDays(30);

	private final Carts carts;

	private final ThemedResponses responses;

	private final MessageSource messages;

	private final Catalog catalog;

	private final ImageLinks images;

	private final SignedInMember member;

	CartPages(Carts carts, ThemedResponses responses, MessageSource messages, Catalog catalog, ImageLinks images,
			SignedInMember member) {
		this.carts = carts;
		this.member = member;
		this.responses = responses;
		this.messages = messages;
		this.catalog = catalog;
		this.images = images;
	}

	@GetMapping("/s/{shopCode}/cart")
	ResponseEntity<String> cart(HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		return show(shop, HttpStatus.OK, null, request);
	}

	@PostMapping("/s/{shopCode}/cart/add")
	ResponseEntity<String> add(@RequestParam(required = false) String variant,
			@RequestParam(required = false) String quantity, HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		try {
			OpenedCart cart = carts.add(token(shop, request), Carts.variantOf(variant), CartQuantity.parse(quantity),
					member.idIn(shop.shop().id()));
			ResponseEntity.BodyBuilder added = ResponseEntity.status(HttpStatus.SEE_OTHER)
				.header(HttpHeaders.LOCATION, shop.basePath() + "/cart");
			// A member's cart found by who they are may come without a token: they need no cookie.
			if (cart.token() != null) {
				added.header(HttpHeaders.SET_COOKIE, cookie(shop, cart.token(), request).toString());
			}
			return added.build();
		}
		catch (CartException refused) {
			return show(shop, HttpStatus.UNPROCESSABLE_CONTENT, refused, request);
		}
	}

	@PostMapping("/s/{shopCode}/cart/update")
	ResponseEntity<String> update(@RequestParam(name = "line", required = false) List<String> lines,
			@RequestParam(name = "quantity", required = false) List<String> quantities, HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		Optional<CartId> cart = find(shop, request);
		try {
			Map<VariantId, CartQuantity> changes = changes(lines, quantities);
			cart.ifPresent(found -> carts.change(found, changes));
			return backToCart(shop);
		}
		catch (CartException refused) {
			return show(shop, HttpStatus.UNPROCESSABLE_CONTENT, refused, request);
		}
	}

	@PostMapping("/s/{shopCode}/cart/remove")
	ResponseEntity<String> remove(@RequestParam(name = "remove", required = false) String variant,
			HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		try {
			VariantId line = Carts.variantOf(variant);
			find(shop, request).ifPresent(found -> carts.remove(found, line));
			return backToCart(shop);
		}
		catch (CartException refused) {
			return show(shop, HttpStatus.UNPROCESSABLE_CONTENT, refused, request);
		}
	}

	/** Every quantity is checked before any is applied: one bad field changes nothing. */
	private static Map<VariantId, CartQuantity> changes(List<String> lines, List<String> quantities) {
		if (lines == null || quantities == null || lines.size() != quantities.size()
				|| lines.size() > CartQuantity.MAX + 1) {
			throw new CartException("cart.form.invalid");
		}
		Map<VariantId, CartQuantity> changes = new LinkedHashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			changes.put(Carts.variantOf(lines.get(i)), CartQuantity.parse(quantities.get(i)));
		}
		return changes;
	}

	private ResponseEntity<String> show(ShopRequest shop, HttpStatus status, CartException refused,
			HttpServletRequest request) {
		CartContents contents = find(shop, request).map(carts::contents).orElse(CartContents.EMPTY);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("cart", CartView.of(contents, shop.basePath(), featuredImages(contents, shop)));
		if (refused != null) {
			model.put("error", messages.getMessage(refused, LocaleContextHolder.getLocale()));
		}
		return responses.render(shop, status, "cart", model, request);
	}

	/** Each line's product picture, by product handle: a cart holds a few lines, so one look-up each. */
	private Map<String, Map<String, Object>> featuredImages(CartContents contents, ShopRequest shop) {
		List<Product> products = contents.lines()
			.stream()
			.map(CartLine::productHandle)
			.distinct()
			.map(catalog::findPublishedByHandle)
			.flatMap(Optional::stream)
			.toList();
		Map<String, Map<String, Object>> featured = new HashMap<>();
		images.of(products, shop).forEach((id, list) -> products.stream()
			.filter(product -> product.id().equals(id) && !list.isEmpty())
			.forEach(product -> featured.put(product.handle().value(), list.get(0))));
		return featured;
	}

	private static ResponseEntity<String> backToCart(ShopRequest shop) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, shop.basePath() + "/cart").build();
	}

	/** The shopper's cart: a signed-in member's own (a guest cart in this browser merged in), else the cookie's. */
	private Optional<CartId> find(ShopRequest shop, HttpServletRequest request) {
		return carts.find(token(shop, request), member.idIn(shop.shop().id()));
	}

	static String cookieName(ShopRequest shop) {
		return "misemori_cart_" + shop.shop().id().value();
	}

	static String token(ShopRequest shop, HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		String name = cookieName(shop);
		for (Cookie cookie : cookies) {
			if (name.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	/** Sent again on every add, so the cookie lives as long as the cart it points at. */
	private static ResponseCookie cookie(ShopRequest shop, String token, HttpServletRequest request) {
		return ResponseCookie.from(cookieName(shop), token)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path(shop.basePath().isEmpty() ? "/" : shop.basePath())
			.maxAge(COOKIE_LIFETIME)
			.build();
	}

}
