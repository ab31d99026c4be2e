package org.misemori.cart;

import java.util.Map;
import java.util.Optional;

import org.misemori.catalog.VariantId;

/**
 * The carts of the current shop ({@code platform.TenantContext}); row-level security keeps
 * every call to that shop's carts, and a variant of another shop is unknown here. A token is
 * the secret from the shopper's cookie; an unknown, malformed or expired one finds no cart.
 * Bad input throws {@link CartException} with a message key and changes nothing.
 *
 * <p>Stock is NOT reserved when something is put in a cart: a cart is a wish list until
 * checkout, which reserves the units (and may then find them gone). Prices are read from the
 * catalog every time; checkout must show the shopper a total that changed since they added
 * and have them confirm it before the order is placed.
 */
public interface Carts {

	/** A guest's cart by its token; a member's cart is never found this way, even with its token. */
	Optional<CartId> find(String token);

	/**
	 * The cart of whoever is shopping: for a guest ({@code member} empty) as {@link #find(String)};
	 * for a signed-in member their own most recent unexpired cart, whatever the token — and a guest
	 * cart of {@code token} is theirs from now on: claimed if they had no cart, else its lines are
	 * added to theirs (capped at {@link CartQuantity#MAX}) and it is dropped, in one transaction.
	 * Never another member's cart.
	 */
	Optional<CartId> find(String token, Optional<Long> member);

	/** The cart of {@code token}, or a new one with a new token if there is none. */
	OpenedCart findOrCreate(String token);

	/**
	 * Adds {@code quantity} of a published variant to the cart of {@code token} (created if
	 * needed, but only once the variant is known to be for sale); a variant already in the
	 * cart gets the quantities added, at most {@link CartQuantity#MAX}.
	 */
	OpenedCart add(String token, VariantId variant, CartQuantity quantity);

	/**
	 * As {@link #add(String, VariantId, CartQuantity)}, into the cart {@link #find(String, Optional)}
	 * finds; a cart created for a member is theirs. The returned token may be the one sent (or
	 * null) when a member's cart was found by who they are.
	 */
	OpenedCart add(String token, VariantId variant, CartQuantity quantity, Optional<Long> member);

	/** Sets the quantities of lines already in the cart, all or none. */
	void change(CartId cart, Map<VariantId, CartQuantity> quantities);

	void remove(CartId cart, VariantId variant);

	/** Empties the cart once its order is placed. */
	void clear(CartId cart);

	CartContents contents(CartId cart);

	/** A variant id from a form, where it may be anything. */
	static VariantId variantOf(String text) {
		String digits = text == null ? "" : text.strip();
		if (!digits.matches("\\d{1,18}") || Long.parseLong(digits) == 0) {
			throw new CartException("cart.variant.unknown");
		}
		return new VariantId(Long.parseLong(digits));
	}

}
