package org.misemori.cart.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.misemori.cart.CartContents;
import org.misemori.cart.CartException;
import org.misemori.cart.CartId;
import org.misemori.cart.CartLine;
import org.misemori.cart.CartQuantity;
import org.misemori.cart.Carts;
import org.misemori.cart.OpenedCart;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.Product;
import org.misemori.catalog.Variant;
import org.misemori.catalog.VariantId;
import org.misemori.catalog.VariantOption;
import org.misemori.platform.TenantContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class CartService implements Carts {

	/** A cart untouched for this long is gone; each change starts the period again. */
	static final Duration LIFETIME = Duration.ofDays(30);

	/** Distinct variants in one cart: enough for any shopper, a bound for a script. */
	static final int MAX_LINES = 100;

	private final CartRows rows;

	private final Catalog catalog;

	private final Clock clock;

	CartService(CartRows rows, Catalog catalog, Clock clock) {
		this.rows = rows;
		this.catalog = catalog;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CartId> find(String token) {
		return CartToken.hashOf(token).flatMap(hash -> rows.findUnexpiredGuest(hash, clock.instant()));
	}

	@Override
	public Optional<CartId> find(String token, Optional<Long> member) {
		return member.isPresent() ? membersCart(token, member.get()) : find(token);
	}

	/**
	 * The member's own cart, found by who they are rather than by the cookie, so it follows them
	 * to every device. A guest cart in this browser's cookie is theirs now: it becomes their cart
	 * if they had none, or its lines are added to their cart and it is dropped. Both rows are
	 * locked (guest first, always in that order) so two first requests after sign-in merge once.
	 */
	private Optional<CartId> membersCart(String token, long member) {
		Instant now = clock.instant();
		Optional<CartId> guest = CartToken.hashOf(token).flatMap(hash -> rows.lockUnexpiredGuest(hash, now));
		Optional<CartId> own = rows.lockLatestOfMember(member, now);
		if (guest.isEmpty()) {
			return own;
		}
		if (own.isEmpty()) {
			rows.claim(guest.get(), member);
			touch(guest.get());
			return guest;
		}
		rows.mergeLines(shop(), guest.get(), own.get(), CartQuantity.MAX);
		rows.delete(guest.get());
		touch(own.get());
		return own;
	}

	@Override
	public OpenedCart findOrCreate(String token) {
		return open(token, Optional.empty());
	}

	/**
	 * A member's cart found by member id keeps the token the browser sent (perhaps none): the
	 * cookie only ever matters for a guest, who never opens a member's cart.
	 */
	private OpenedCart open(String token, Optional<Long> member) {
		Optional<CartId> found = find(token, member);
		if (found.isPresent()) {
			return new OpenedCart(found.get(), token, false);
		}
		String fresh = CartToken.create();
		Instant now = clock.instant();
		return new OpenedCart(rows.insert(shop(), CartToken.sha256(fresh), member.orElse(null), now, now.plus(LIFETIME)),
				fresh, true);
	}

	@Override
	public OpenedCart add(String token, VariantId variant, CartQuantity quantity) {
		return add(token, variant, quantity, Optional.empty());
	}

	@Override
	public OpenedCart add(String token, VariantId variant, CartQuantity quantity, Optional<Long> member) {
		// Checked before any cart is created: a refused add leaves nothing behind. The catalog
		// only sees the current shop's rows, so another shop's variant is unknown here too.
		if (!catalog.isForSale(variant)) {
			throw new CartException("cart.variant.unknown");
		}
		OpenedCart cart = member.isPresent() ? open(token, member) : openGuest(token);
		if (!rows.addWithinLimit(shop(), cart.id(), variant, quantity.value(), CartQuantity.MAX, MAX_LINES)) {
			throw new CartException("cart.too-many-lines", MAX_LINES);
		}
		if (member.isPresent() && !cart.created()) {
			touch(cart.id());
		}
		return cart;
	}

	/**
	 * A guest's cart for an add: found and its life extended in one statement, else a new one.
	 * Three statements in all for the commonest write a shopper makes.
	 */
	private OpenedCart openGuest(String token) {
		Instant now = clock.instant();
		Optional<CartId> found = CartToken.hashOf(token)
			.flatMap(hash -> rows.touchUnexpiredGuest(hash, now, now.plus(LIFETIME)));
		if (found.isPresent()) {
			return new OpenedCart(found.get(), token, false);
		}
		String fresh = CartToken.create();
		return new OpenedCart(rows.insert(shop(), CartToken.sha256(fresh), null, now, now.plus(LIFETIME)), fresh, true);
	}

	@Override
	public void change(CartId cart, Map<VariantId, CartQuantity> quantities) {
		quantities.forEach((variant, quantity) -> rows.setQuantity(cart, variant, quantity.value()));
		touch(cart);
	}

	@Override
	public void remove(CartId cart, VariantId variant) {
		rows.remove(cart, variant);
		touch(cart);
	}

	@Override
	public void clear(CartId cart) {
		rows.clear(cart);
	}

	@Override
	@Transactional(readOnly = true)
	public CartContents contents(CartId cart) {
		List<CartLine> lines = new ArrayList<>();
		for (CartRows.StoredLine stored : rows.lines(cart)) {
			// A product unpublished since it was added is no longer for sale: its line is not
			// shown and checkout will not see it; it comes back if the product is published again.
			catalog.findPublishedByVariant(stored.variant())
				.flatMap(product -> line(product, stored))
				.ifPresent(lines::add);
		}
		return new CartContents(lines);
	}

	/** Today's price from the catalog, never one remembered from when the line was added. */
	private static Optional<CartLine> line(Product product, CartRows.StoredLine stored) {
		return product.variants()
			.stream()
			.filter(v -> v.id().equals(stored.variant()))
			.findFirst()
			.map(variant -> new CartLine(variant.id(), product.handle().value(), product.title(), name(variant),
					stored.quantity(), variant.priceYen(), variant.available() > 0));
	}

	private static String name(Variant variant) {
		String name = variant.options().stream().map(VariantOption::value).collect(Collectors.joining(" / "));
		return name.isEmpty() ? variant.sku() : name;
	}

	private void touch(CartId cart) {
		Instant now = clock.instant();
		rows.touch(cart, now, now.plus(LIFETIME));
	}

	private static long shop() {
		return TenantContext.current().orElseThrow(() -> new IllegalStateException("No current shop")).value();
	}

}
