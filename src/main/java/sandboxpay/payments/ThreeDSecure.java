package sandboxpay.payments;

public enum ThreeDSecure {

	FRICTIONLESS, CHALLENGE

}
