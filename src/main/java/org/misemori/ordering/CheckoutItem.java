package org.misemori.ordering;

import org.misemori.catalog.VariantId;

/** A variant and how many of it, as the cart holds them; the price is read again from the catalog. */
public record CheckoutItem(VariantId variant, int quantity) {
}
