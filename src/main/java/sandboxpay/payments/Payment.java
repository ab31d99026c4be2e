package sandboxpay.payments;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A payment as the merchant sees it, exactly the JSON of the API and the webhooks. Immutable:
 * every change makes a new value with {@code version} one higher, so a merchant can tell which
 * of two events is newer whatever order they arrive in.
 */
public record Payment(String id, long version, PaymentStatus status, PaymentMethod method, CaptureMode capture,
		long amount, long capturedAmount, long refundedAmount, String currency, String shop,
		String merchantReference, CardSummary card, String cardToken, ThreeDSecure threeDSecure, String declineCode,
		KonbiniSlip konbini, Instant createdAt, Instant updatedAt) {

	public static final String CARD_DECLINED = "card_declined";

	public static final String INSUFFICIENT_FUNDS = "insufficient_funds";

	public static final String AUTHENTICATION_FAILED = "authentication_failed";

	public static final String SCREENING_REJECTED = "screening_rejected";

	/** A declined card leaves the session open: the shopper may try another card. */
	private static final Set<PaymentStatus> PAYABLE = EnumSet.of(PaymentStatus.REQUIRES_PAYMENT, PaymentStatus.DECLINED);

	static Payment open(String id, PaymentMethod method, CaptureMode capture, long amount, String currency, String shop,
			String merchantReference, Instant now) {
		return new Payment(id, 1, PaymentStatus.REQUIRES_PAYMENT, method, capture, amount, 0, 0, currency, shop,
				merchantReference, null, null, null, null, null, now, now);
	}

	Payment authorizeCard(CardSummary card, String token, ThreeDSecure threeDSecure, Instant now) {
		require(method == PaymentMethod.CARD && PAYABLE.contains(status));
		return new Payment(id, version + 1, PaymentStatus.AUTHORIZED, method, capture, amount, 0, 0, currency, shop,
				merchantReference, card, token, threeDSecure, null, null, createdAt, now);
	}

	Payment declineCard(CardSummary card, String token, ThreeDSecure threeDSecure, String code, Instant now) {
		require(method == PaymentMethod.CARD && PAYABLE.contains(status));
		return new Payment(id, version + 1, PaymentStatus.DECLINED, method, capture, amount, 0, 0, currency, shop,
				merchantReference, card, token, threeDSecure, code, null, createdAt, now);
	}

	Payment screened(PaymentStatus outcome, Instant now) {
		require(method == PaymentMethod.DEFERRED
				&& (status == PaymentStatus.REQUIRES_PAYMENT || status == PaymentStatus.UNDER_REVIEW));
		String code = outcome == PaymentStatus.DECLINED ? SCREENING_REJECTED : null;
		return with(outcome, capturedAmount, refundedAmount, code, konbini, now);
	}

	Payment konbiniIssued(KonbiniSlip slip, Instant now) {
		require(method == PaymentMethod.KONBINI && status == PaymentStatus.REQUIRES_PAYMENT);
		return with(PaymentStatus.AWAITING_KONBINI, 0, 0, null, slip, now);
	}

	Payment konbiniPaid(Instant now) {
		require(status == PaymentStatus.AWAITING_KONBINI);
		return with(PaymentStatus.CAPTURED, amount, 0, null, konbini, now);
	}

	Payment konbiniExpired(Instant now) {
		require(status == PaymentStatus.AWAITING_KONBINI);
		return with(PaymentStatus.EXPIRED, 0, 0, null, konbini, now);
	}

	/** Captures {@code toCapture} of the authorized amount; the rest of the authorization is released. */
	Payment captured(long toCapture, Instant now) {
		require(status == PaymentStatus.AUTHORIZED && toCapture > 0 && toCapture <= amount);
		return with(PaymentStatus.CAPTURED, toCapture, 0, null, konbini, now);
	}

	Payment canceled(Instant now) {
		require(status == PaymentStatus.REQUIRES_PAYMENT || status == PaymentStatus.AUTHORIZED
				|| status == PaymentStatus.AWAITING_KONBINI || status == PaymentStatus.UNDER_REVIEW);
		return with(PaymentStatus.CANCELED, 0, 0, declineCode, konbini, now);
	}

	Payment refunded(long toRefund, Instant now) {
		require((status == PaymentStatus.CAPTURED || status == PaymentStatus.PARTIALLY_REFUNDED) && toRefund > 0
				&& toRefund <= capturedAmount - refundedAmount);
		long refunded = refundedAmount + toRefund;
		PaymentStatus next = refunded == capturedAmount ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
		return with(next, capturedAmount, refunded, null, konbini, now);
	}

	private Payment with(PaymentStatus next, long captured, long refunded, String code, KonbiniSlip slip, Instant now) {
		return new Payment(id, version + 1, next, method, capture, amount, captured, refunded, currency, shop,
				merchantReference, card, cardToken, threeDSecure, code, slip, createdAt, now);
	}

	private void require(boolean allowed) {
		if (!allowed) {
			throw new InvalidState(status);
		}
	}

}
