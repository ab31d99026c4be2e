package sandboxpay.cards;

import java.util.Map;

import sandboxpay.payments.Payment;

/** What the simulated issuer does with a number: the test cards of docs/sandbox-pay.md. */
final class TestCards {

	/** A decline code, or null for approved; and whether 3-D Secure asks for a challenge. */
	record Outcome(String declineCode, boolean challenge) {

		static final Outcome APPROVED = new Outcome(null, false);

	}

	private static final Map<String, Outcome> SPECIAL = Map.of("4000000000003220", new Outcome(null, true),
			"4000000000000002", new Outcome(Payment.CARD_DECLINED, false), "4000000000009995",
			new Outcome(Payment.INSUFFICIENT_FUNDS, false));

	private TestCards() {
	}

	/** Every other valid number is approved without a challenge, as 4242… and 3530… are. */
	static Outcome of(String number) {
		return SPECIAL.getOrDefault(number, Outcome.APPROVED);
	}

}
