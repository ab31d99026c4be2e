/**
 * The catalog: products and their variants (size × colour, each with its tax-inclusive price
 * in yen and its stock), categories, publish state, and the stock reservations checkout makes.
 * {@link org.misemori.catalog.Catalog} is the whole public API; the rest is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.misemori.catalog;
