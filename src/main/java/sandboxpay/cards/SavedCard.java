package sandboxpay.cards;

import sandboxpay.payments.CardSummary;

/** A member's card kept for next time, under its token; the number stays inside this package. */
public final class SavedCard {

	private final String token;

	final String number;

	private final CardSummary summary;

	SavedCard(String token, String number, CardSummary summary) {
		this.token = token;
		this.number = number;
		this.summary = summary;
	}

	public String token() {
		return token;
	}

	public CardSummary summary() {
		return summary;
	}

	@Override
	public String toString() {
		return "SavedCard[" + token + ", " + summary + "]";
	}

}
