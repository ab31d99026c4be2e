package sandboxpay.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

/**
 * The payments and their sessions, in memory. Each change runs inside the map's per-key lock
 * ({@code compute}), so two requests on one payment never interleave and its events are recorded
 * in version order.
 */
@Component
public class Ledger {

	static final Duration SESSION_LIFETIME = Duration.ofMinutes(30);

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final Map<String, Payment> payments = new ConcurrentHashMap<>();

	private final Map<String, PaymentSession> sessions = new ConcurrentHashMap<>();

	private final EventLog events;

	private final Clock clock;

	Ledger(EventLog events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/** Opens the payment and its session; a deferred payment is screened at once. */
	public PaymentSession open(NewPayment request) {
		Instant now = clock.instant();
		Payment payment = Payment.open(Ids.next("pay_"), request.method(), request.capture(), request.amount(),
				request.currency(), request.shop(), request.merchantReference(), now);
		PaymentSession session = new PaymentSession(Ids.next("ses_"), payment.id(), request.iframe(),
				request.returnUrl(), request.cancelUrl(), request.embedOrigin(), request.customerReference(),
				request.saveCard(), now.plus(SESSION_LIFETIME));
		payments.put(payment.id(), payment);
		sessions.put(session.id(), session);
		if (request.method() == PaymentMethod.DEFERRED) {
			PaymentStatus outcome = Screening.of(request.buyerName());
			change(payment.id(), current -> current.screened(outcome, now));
			captureIfAutomatic(payment.id());
		}
		return session;
	}

	public Optional<PaymentSession> session(String id) {
		return Optional.ofNullable(sessions.get(id));
	}

	public Payment payment(String id) {
		Payment payment = payments.get(id);
		if (payment == null) {
			throw new UnknownPayment();
		}
		return payment;
	}

	public List<Payment> byMerchantReference(String reference) {
		return payments.values()
			.stream()
			.filter(payment -> reference.equals(payment.merchantReference()))
			.sorted(Comparator.comparing(Payment::createdAt))
			.toList();
	}

	public Payment authorizeCard(String id, CardSummary card, String token, ThreeDSecure threeDSecure) {
		change(id, payment -> payment.authorizeCard(card, token, threeDSecure, clock.instant()));
		return captureIfAutomatic(id);
	}

	public Payment declineCard(String id, CardSummary card, String token, ThreeDSecure threeDSecure, String code) {
		return change(id, payment -> payment.declineCard(card, token, threeDSecure, code, clock.instant()));
	}

	public Payment capture(String id, Long amount) {
		return change(id, payment -> payment.captured(amount == null ? payment.amount() : amount, clock.instant()));
	}

	public Payment cancel(String id) {
		return change(id, payment -> payment.canceled(clock.instant()));
	}

	public Payment refund(String id, Long amount) {
		return change(id, payment -> payment
			.refunded(amount == null ? payment.capturedAmount() - payment.refundedAmount() : amount, clock.instant()));
	}

	public Payment issueKonbiniSlip(String id, String store) {
		Instant now = clock.instant();
		// Like real konbini slips: due at the end of the third day, Japanese time.
		Instant deadline = LocalDate.ofInstant(now, JAPAN).plusDays(3).atTime(LocalTime.of(23, 59, 59))
			.atZone(JAPAN).toInstant();
		String number = Ids.digits(4) + "-" + Ids.digits(4) + "-" + Ids.digits(4);
		return change(id, payment -> payment.konbiniIssued(new KonbiniSlip(number, deadline, store), now));
	}

	public Payment konbiniPaid(String id) {
		return change(id, payment -> payment.konbiniPaid(clock.instant()));
	}

	public Payment expire(String id) {
		return change(id, payment -> payment.konbiniExpired(clock.instant()));
	}

	public Payment review(String id, boolean approve) {
		PaymentStatus outcome = approve ? PaymentStatus.AUTHORIZED : PaymentStatus.DECLINED;
		change(id, payment -> {
			if (payment.status() != PaymentStatus.UNDER_REVIEW) {
				throw new InvalidState(payment.status());
			}
			return payment.screened(outcome, clock.instant());
		});
		return approve ? captureIfAutomatic(id) : payment(id);
	}

	private Payment captureIfAutomatic(String id) {
		Payment payment = payment(id);
		if (payment.status() == PaymentStatus.AUTHORIZED && payment.capture() == CaptureMode.AUTOMATIC) {
			return capture(id, null);
		}
		return payment;
	}

	private Payment change(String id, UnaryOperator<Payment> transition) {
		if (!payments.containsKey(id)) {
			throw new UnknownPayment();
		}
		return payments.computeIfPresent(id, (key, current) -> {
			Payment next = transition.apply(current);
			events.record(next);
			return next;
		});
	}

}
