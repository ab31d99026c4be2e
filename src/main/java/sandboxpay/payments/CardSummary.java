package sandboxpay.payments;

/** All of a card that ever leaves Sandbox Pay: never the number, never the security code. */
public record CardSummary(String brand, String last4, int expMonth, int expYear) {

}
