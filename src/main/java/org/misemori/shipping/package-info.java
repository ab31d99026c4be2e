/**
 * Shipping: each shop's fees (per prefecture, free above a threshold, the cool surcharge), the
 * cash-on-delivery (代引き) fee tiers, which delivery dates and time slots a shopper may ask
 * for, and the delivery-slip CSV files the carriers' own software imports (Yamato B2 Cloud,
 * Sagawa e-飛伝). {@link org.misemori.shipping.ShippingRates} is the API checkout uses; the
 * rest is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shipping")
package org.misemori.shipping;
