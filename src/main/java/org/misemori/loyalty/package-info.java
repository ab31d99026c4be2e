/**
 * Points and coupons of a shop. {@link org.misemori.loyalty.Points} and
 * {@link org.misemori.loyalty.Coupons} are the public API, called by checkout inside its own
 * transaction: every method joins the caller's transaction, every change is one conditional
 * UPDATE or made under the member's row lock, and a refusal ({@link org.misemori.loyalty.LoyaltyException})
 * is thrown before anything is written, so the caller may show it and go on. The rest is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Loyalty")
package org.misemori.loyalty;
