package sandboxpay.payments;

/** A transition the payment's current status does not allow; nothing was changed. */
public final class InvalidState extends RuntimeException {

	private final PaymentStatus status;

	InvalidState(PaymentStatus status) {
		super("not allowed while " + status, null, false, false);
		this.status = status;
	}

	public PaymentStatus status() {
		return status;
	}

}
