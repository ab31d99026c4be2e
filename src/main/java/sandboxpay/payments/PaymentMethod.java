package sandboxpay.payments;

public enum PaymentMethod {

	CARD, KONBINI, DEFERRED

}
