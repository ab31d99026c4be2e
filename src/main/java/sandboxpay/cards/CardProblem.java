package sandboxpay.cards;

/** A card form field that is not acceptable, with the message key that tells the shopper why. */
public final class CardProblem extends RuntimeException {

	private final String field;

	private final String messageKey;

	CardProblem(String field, String messageKey) {
		super(messageKey, null, false, false);
		this.field = field;
		this.messageKey = messageKey;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

}
