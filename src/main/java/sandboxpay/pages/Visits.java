package sandboxpay.pages;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import sandboxpay.payments.Ledger;
import sandboxpay.payments.PaymentSession;

/** Finds the session a page URL names; an unknown, expired or wrongly framed one is simply not found. */
@Component
class Visits {

	private final Ledger ledger;

	private final Clock clock;

	Visits(Ledger ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	Visit of(String sessionId, boolean frame, String lang) {
		PaymentSession session = ledger.session(sessionId).orElseThrow(Visits::notFound);
		if (frame && !session.iframe()) {
			throw notFound();
		}
		String language = "en".equals(lang) || "ja".equals(lang) ? lang : null;
		return new Visit(session, ledger.payment(session.paymentId()), frame, language);
	}

	boolean expired(Visit visit) {
		return visit.session().expired(clock.instant());
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
