package sandboxpay.payments;

import java.time.Instant;

/** A convenience-store payment slip: the number the shopper gives at the till, and its deadline. */
public record KonbiniSlip(String paymentNumber, Instant deadline, String store) {

}
