/**
 * Checkout and orders: pricing a cart with shipping, coupon, points and tax; placing an order
 * once however often "place order" is pressed, with its stock held, its points and coupon
 * taken and its confirmation mail queued in the same transaction; the order's life from
 * received to delivered (or cancelled, or returned), and staff's order pages.
 * <p>
 * {@link org.misemori.ordering.Checkout} and {@link org.misemori.ordering.Orders} are the
 * public API; the rest is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ordering")
package org.misemori.ordering;
