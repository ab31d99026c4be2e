package sandboxpay.payments;

/** AUTOMATIC captures at authorization; MANUAL waits for the merchant (capture on shipping). */
public enum CaptureMode {

	AUTOMATIC, MANUAL

}
