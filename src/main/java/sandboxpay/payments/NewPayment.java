package sandboxpay.payments;

/** A validated request to start a payment (the API checks the fields; this only carries them). */
public record NewPayment(PaymentMethod method, boolean iframe, CaptureMode capture, long amount, String currency,
		String shop, String merchantReference, String returnUrl, String cancelUrl, String embedOrigin,
		String customerReference, boolean saveCard, String buyerName) {

}
