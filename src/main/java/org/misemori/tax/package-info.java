/**
 * Japanese consumption tax and the facts a 適格請求書 (qualified invoice) must carry: the two
 * rates, the shop's rounding rule, tax computed once per rate per order from tax-inclusive
 * prices, and the shop's validated registration number. The arithmetic is pure Java; only
 * the shop's settings touch the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tax")
package org.misemori.tax;
