/**
 * Shoppers' carts, guest or member: a cart is found by a random token in the shopper's cookie
 * (only its SHA-256 is stored), holds variants and quantities, and reads every price from the
 * catalog when it is shown. {@link org.misemori.cart.Carts} is the public API; the rest is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cart")
package org.misemori.cart;
