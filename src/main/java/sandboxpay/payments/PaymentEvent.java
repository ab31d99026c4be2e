package sandboxpay.payments;

/**
 * One change of a payment as the merchant receives it. The body is serialized once, when the
 * change happens, so every retry and every resend carries exactly the same bytes.
 */
public record PaymentEvent(String id, String type, long created, String paymentId, long paymentVersion, String body) {

}
