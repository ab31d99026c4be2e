/**
 * Payments through a provider: card, konbini and deferred payment (後払い). Misemori never sees
 * a card number or security code: the shopper types them on the provider's origin (a redirect,
 * or the provider's page in an iframe), and Misemori keeps the provider's payment id, the card
 * brand, the last four digits and the expiry month and year, nothing more.
 *
 * <p>{@link org.misemori.payment.PaymentProvider} is the SPI a provider adapter implements (the
 * sandbox provider's adapter is the reference); {@link org.misemori.payment.Payments} is what
 * checkout and the admin use; {@link org.misemori.payment.PaymentChanged} tells the order what
 * became of its payment, after the change is committed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payment")
package org.misemori.payment;
