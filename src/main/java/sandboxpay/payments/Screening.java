package sandboxpay.payments;

/** The sandbox's credit screening for deferred payment (後払い), decided by the buyer's name. */
final class Screening {

	private Screening() {
	}

	static PaymentStatus of(String buyerName) {
		if (buyerName.contains("審査NG")) {
			return PaymentStatus.DECLINED;
		}
		if (buyerName.contains("保留")) {
			return PaymentStatus.UNDER_REVIEW;
		}
		return PaymentStatus.AUTHORIZED;
	}

}
