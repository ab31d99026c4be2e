package sandboxpay.pages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import sandboxpay.cards.CardPayments;
import sandboxpay.cards.SavedCards;
import sandboxpay.payments.PaymentStatus;

/** What the shopper's browser sees at a session's URL, decided by the payment's state. */
@Controller
class HostedPages {

	private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Tokyo"));

	static final String[] KONBINI_STORES = { "seven-eleven", "lawson", "familymart", "ministop", "seicomart" };

	private final Visits visits;

	private final CardPayments cards;

	private final SavedCards savedCards;

	private final PageHeaders headers;

	HostedPages(Visits visits, CardPayments cards, SavedCards savedCards, PageHeaders headers) {
		this.visits = visits;
		this.cards = cards;
		this.savedCards = savedCards;
		this.headers = headers;
	}

	@GetMapping("/pay/{session}")
	String pay(@PathVariable String session, @RequestParam(required = false) String lang, Model model,
			HttpServletResponse response) {
		return show(visits.of(session, false, lang), model, response);
	}

	@GetMapping("/fields/{session}")
	String fields(@PathVariable String session, @RequestParam(required = false) String lang, Model model,
			HttpServletResponse response) {
		return show(visits.of(session, true, lang), model, response);
	}

	String show(Visit visit, Model model, HttpServletResponse response) {
		if (visit.frame()) {
			// Only the merchant's checkout page may frame the hosted fields; no other site can.
			response.setHeader("Content-Security-Policy", headers.policy(visit.session().embedOrigin()));
		}
		model.addAttribute("payment", visit.payment());
		model.addAttribute("returnUrl", visit.returnUrl());
		model.addAttribute("frame", visit.frame());
		if (visit.payment().konbini() != null) {
			model.addAttribute("deadline", DEADLINE.format(visit.payment().konbini().deadline()));
		}
		model.addAttribute("cancelUrl", visit.session().cancelUrl());
		model.addAttribute("path", visit.path());
		model.addAttribute("lang", visit.lang());
		PaymentStatus status = visit.payment().status();
		boolean open = !visits.expired(visit);
		return switch (visit.payment().method()) {
			case CARD -> cardPage(visit, model, open);
			case KONBINI -> status == PaymentStatus.REQUIRES_PAYMENT ? (open ? konbiniStores(model) : closed(model))
					: status == PaymentStatus.CANCELED ? closed(model) : "konbini-slip";
			case DEFERRED -> closed(model);
		};
	}

	private String cardPage(Visit visit, Model model, boolean open) {
		if (visit.paid()) {
			return "done";
		}
		if (!open || !visit.payableByCard()) {
			return closed(model);
		}
		if (cards.awaitsChallenge(visit.session())) {
			return "challenge";
		}
		model.addAttribute("savedCards", savedCards.of(visit.session().customerReference()));
		if (!model.containsAttribute("problem") && visit.payment().declineCode() != null) {
			model.addAttribute("declined", "decline." + visit.payment().declineCode());
		}
		return "card";
	}

	private static String konbiniStores(Model model) {
		model.addAttribute("stores", KONBINI_STORES);
		return "konbini-stores";
	}

	private static String closed(Model model) {
		return "closed";
	}

	/** 303: after a form post the browser follows with a GET, whatever the target. */
	static ModelAndView seeOther(String url) {
		RedirectView view = new RedirectView(url);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		view.setExposeModelAttributes(false);
		return new ModelAndView(view);
	}

}
