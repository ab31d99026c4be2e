package sandboxpay.payments;

/** Where the ledger hands each event, in the order of the payment's versions. */
public interface EventSink {

	void accept(PaymentEvent event);

}
