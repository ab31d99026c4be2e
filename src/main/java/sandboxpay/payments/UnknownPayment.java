package sandboxpay.payments;

public final class UnknownPayment extends RuntimeException {

	public UnknownPayment() {
		super("no such payment", null, false, false);
	}

}
