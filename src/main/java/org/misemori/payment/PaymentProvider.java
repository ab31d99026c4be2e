package org.misemori.payment;

import java.util.Map;
import java.util.Optional;

/**
 * What a payment provider's adapter does for Misemori (the SPI). Every call is a request to the
 * provider over its API; card numbers never pass through here, only the provider's ids and the
 * {@link CardFacts}. A provider that cannot be reached throws {@link PaymentUnavailable}; one
 * that refuses a change as not allowed now throws {@link PaymentRefused}. Changes carry an
 * idempotency key, so a retry after a lost answer does not capture or refund twice.
 */
public interface PaymentProvider {

	/** The provider's name as stored with each payment ({@code sandbox}, {@code gmo-pg}, …). */
	String name();

	/**
	 * The origin of the provider's pages ({@code https://pay.example.com}): the only place
	 * Misemori's checkout pages may send a form to or frame.
	 */
	String pageOrigin();

	/** Whether this provider offers {@code kind} at all. */
	boolean offers(PaymentKind kind);

	/** Opens a payment: a hosted page to send the shopper to, or for deferred payment the screening's outcome. */
	OpenedPayment open(PaymentOpening opening);

	/** The payment as the provider holds it now. */
	ProviderPayment fetch(String paymentId);

	ProviderPayment capture(String paymentId, long amount, String idempotencyKey);

	/** Voids an authorization not yet captured, or a konbini slip not yet paid. */
	ProviderPayment cancel(String paymentId, String idempotencyKey);

	ProviderPayment refund(String paymentId, long amount, String idempotencyKey);

	/**
	 * The event in a webhook request if its signature verifies and it is recent; empty otherwise.
	 * @param headers the request's headers, names in lower case
	 * @param body the raw body, exactly as received (the signature covers these bytes)
	 */
	Optional<ProviderEvent> verify(Map<String, String> headers, byte[] body);

}
