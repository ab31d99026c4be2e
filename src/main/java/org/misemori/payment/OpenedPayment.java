package org.misemori.payment;

import java.net.URI;
import java.util.Optional;

/**
 * A payment the provider opened: where to send the shopper ({@code redirect}, empty for a
 * deferred payment, which is screened at once), the provider's card fields to frame when the
 * shop takes cards in an iframe ({@code fields}), and the payment as it stands.
 */
public record OpenedPayment(String provider, String sessionId, Optional<URI> redirect, Optional<URI> fields,
		ProviderPayment payment) {
}
