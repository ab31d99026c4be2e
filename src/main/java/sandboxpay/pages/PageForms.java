package sandboxpay.pages;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import sandboxpay.cards.CardEntry;
import sandboxpay.cards.CardPayments;
import sandboxpay.cards.CardProblem;
import sandboxpay.payments.InvalidState;
import sandboxpay.payments.Ledger;
import sandboxpay.payments.PaymentMethod;
import sandboxpay.payments.PaymentStatus;

/** The hosted pages' forms: card, 3-D Secure challenge, the iframe's last step, konbini store. */
@Controller
class PageForms {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final Visits visits;

	private final CardPayments cards;

	private final Ledger ledger;

	private final HostedPages pages;

	private final Clock clock;

	PageForms(Visits visits, CardPayments cards, Ledger ledger, HostedPages pages, Clock clock) {
		this.visits = visits;
		this.cards = cards;
		this.ledger = ledger;
		this.pages = pages;
		this.clock = clock;
	}

	@PostMapping({ "/pay/{session}/card", "/fields/{session}/card" })
	ModelAndView card(@PathVariable String session, @RequestParam(required = false) String number,
			@RequestParam(required = false) String expiry, @RequestParam(required = false) String code,
			@RequestParam(required = false) String holder, @RequestParam(required = false) String saved,
			@RequestParam(required = false) String lang, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Visit visit = visits.of(session, framed(request), lang);
		if (visits.expired(visit) || !visit.payableByCard() || cards.awaitsChallenge(visit.session())) {
			return HostedPages.seeOther(visit.pageUrl());
		}
		try {
			boolean useSaved = saved != null && !saved.isBlank() && (number == null || number.isBlank());
			CardPayments.Result result = useSaved ? cards.paySaved(visit.session(), saved) : cards.pay(visit.session(),
					CardEntry.check(number, expiry, code, holder, YearMonth.now(clock.withZone(JAPAN))));
			return after(visit, result.step());
		}
		catch (CardProblem problem) {
			// Nothing was created; the form comes back with the reason, and without what was typed.
			model.addAttribute("problem", problem.messageKey());
			model.addAttribute("problemField", problem.field());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return new ModelAndView(pages.show(visit, model, response), model.asMap());
		}
	}

	@PostMapping({ "/pay/{session}/challenge", "/fields/{session}/challenge" })
	ModelAndView challenge(@PathVariable String session, @RequestParam(required = false) String otp,
			@RequestParam(required = false) String lang, HttpServletRequest request) {
		Visit visit = visits.of(session, framed(request), lang);
		if (!cards.awaitsChallenge(visit.session())) {
			return page(visit);
		}
		return after(visit, cards.answerChallenge(visit.session(), otp).step());
	}

	/** The iframe's last step posts with target=_top, so the shopper's whole window goes back to the shop. */
	@PostMapping("/fields/{session}/finish")
	ModelAndView finish(@PathVariable String session, @RequestParam(required = false) String lang) {
		Visit visit = visits.of(session, true, lang);
		return visit.paid() ? HostedPages.seeOther(visit.returnUrl()) : page(visit);
	}

	@PostMapping("/pay/{session}/konbini")
	ModelAndView konbini(@PathVariable String session, @RequestParam(required = false) String store,
			@RequestParam(required = false) String lang) {
		Visit visit = visits.of(session, false, lang);
		boolean known = Arrays.asList(HostedPages.KONBINI_STORES).contains(store);
		if (known && !visits.expired(visit) && visit.payment().method() == PaymentMethod.KONBINI
				&& visit.payment().status() == PaymentStatus.REQUIRES_PAYMENT) {
			ledger.issueKonbiniSlip(visit.payment().id(), store);
		}
		return page(visit);
	}

	/** Two posts of one form at once (a double click): the second finds the payment changed and shows the page. */
	@ExceptionHandler(InvalidState.class)
	ModelAndView changedMeanwhile(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return HostedPages.seeOther(uri.substring(0, uri.lastIndexOf('/')));
	}

	private static ModelAndView after(Visit visit, CardPayments.Step step) {
		if (step == CardPayments.Step.AUTHORIZED && !visit.frame()) {
			return HostedPages.seeOther(visit.returnUrl());
		}
		return page(visit);
	}

	private static ModelAndView page(Visit visit) {
		return HostedPages.seeOther(visit.pageUrl());
	}

	private static boolean framed(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/fields/");
	}

}
