package sandboxpay.api;

/** {@code 400 invalid_request}: which field, and what is wrong with it. */
final class BadRequest extends RuntimeException {

	private final String field;

	BadRequest(String field, String message) {
		super(message, null, false, false);
		this.field = field;
	}

	String field() {
		return field;
	}

}
