package org.misemori.cart;

/**
 * A cart with the token that finds it again. {@code token} is the secret for the shopper's
 * cookie; it is never stored, so it is only known when the cart was just created or the
 * shopper sent it.
 */
public record OpenedCart(CartId id, String token, boolean created) {

	@Override
	public String toString() {
		return "OpenedCart[id=" + id.value() + ", created=" + created + "]";
	}

}
