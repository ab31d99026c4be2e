package sandboxpay.payments;

import java.time.Instant;

/** What the hosted pages need to take one payment; the id in the page URL is its capability. */
public record PaymentSession(String id, String paymentId, boolean iframe, String returnUrl, String cancelUrl,
		String embedOrigin, String customerReference, boolean saveCard, Instant expiresAt) {

	public boolean expired(Instant now) {
		return now.isAfter(expiresAt);
	}

}
