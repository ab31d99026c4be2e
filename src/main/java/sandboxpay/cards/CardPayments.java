package sandboxpay.cards;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import sandboxpay.payments.CardSummary;
import sandboxpay.payments.Ids;
import sandboxpay.payments.Ledger;
import sandboxpay.payments.Payment;
import sandboxpay.payments.PaymentSession;
import sandboxpay.payments.PaymentStatus;
import sandboxpay.payments.ThreeDSecure;

/**
 * The card flow behind the hosted form: 3-D Secure (frictionless, or a challenge for the
 * challenge card), then the simulated issuer's answer, then the payment's change in the ledger.
 * A card waiting for its challenge is held here, under its session, until the code is answered.
 */
@Component
public class CardPayments {

	/** The one-time code the sandbox's challenge page accepts. */
	static final String CHALLENGE_CODE = "123456";

	public enum Step {

		AUTHORIZED, DECLINED, CHALLENGE

	}

	public record Result(Step step, Payment payment) {

	}

	private record Held(String number, CardSummary summary, String savedToken, TestCards.Outcome outcome) {

		@Override
		public String toString() {
			return "Held[" + summary + "]";
		}

	}

	private final Map<String, Held> awaitingChallenge = new ConcurrentHashMap<>();

	private final Ledger ledger;

	private final SavedCards savedCards;

	CardPayments(Ledger ledger, SavedCards savedCards) {
		this.ledger = ledger;
		this.savedCards = savedCards;
	}

	public Result pay(PaymentSession session, CardEntry entry) {
		CardSummary summary = new CardSummary(entry.brand(), entry.last4(), entry.expiry.getMonthValue(),
				entry.expiry.getYear());
		return start(session, new Held(entry.number, summary, null, TestCards.of(entry.number)));
	}

	public Result paySaved(PaymentSession session, String token) {
		SavedCard card = savedCards.find(session.customerReference(), token)
			.orElseThrow(() -> new CardProblem("saved", "card.saved.unknown"));
		return start(session, new Held(card.number, card.summary(), card.token(), TestCards.of(card.number)));
	}

	public boolean awaitsChallenge(PaymentSession session) {
		return awaitingChallenge.containsKey(session.id());
	}

	/** A wrong code fails authentication: the payment is declined, as an issuer would. */
	public Result answerChallenge(PaymentSession session, String code) {
		Held held = awaitingChallenge.remove(session.id());
		if (held == null) {
			throw new CardProblem("code", "challenge.none");
		}
		if (!CHALLENGE_CODE.equals(code == null ? "" : code.strip())) {
			Payment payment = ledger.declineCard(session.paymentId(), held.summary(), null, ThreeDSecure.CHALLENGE,
					Payment.AUTHENTICATION_FAILED);
			return new Result(Step.DECLINED, payment);
		}
		return authorize(session, held, ThreeDSecure.CHALLENGE);
	}

	private Result start(PaymentSession session, Held held) {
		Payment current = ledger.payment(session.paymentId());
		if (current.status() != PaymentStatus.REQUIRES_PAYMENT && current.status() != PaymentStatus.DECLINED) {
			throw new CardProblem("number", "session.closed");
		}
		if (held.outcome().challenge()) {
			awaitingChallenge.put(session.id(), held);
			return new Result(Step.CHALLENGE, current);
		}
		return authorize(session, held, ThreeDSecure.FRICTIONLESS);
	}

	private Result authorize(PaymentSession session, Held held, ThreeDSecure threeDSecure) {
		String declineCode = held.outcome().declineCode();
		if (declineCode != null) {
			Payment payment = ledger.declineCard(session.paymentId(), held.summary(), null, threeDSecure, declineCode);
			return new Result(Step.DECLINED, payment);
		}
		Payment payment = ledger.authorizeCard(session.paymentId(), held.summary(), tokenFor(session, held),
				threeDSecure);
		return new Result(Step.AUTHORIZED, payment);
	}

	/** Kept for the member only when the merchant asked to save it; otherwise a token for this payment. */
	private String tokenFor(PaymentSession session, Held held) {
		if (held.savedToken() != null) {
			return held.savedToken();
		}
		if (session.saveCard() && session.customerReference() != null) {
			return savedCards.save(session.customerReference(), held.number(), held.summary()).token();
		}
		return Ids.next("tok_");
	}

}
