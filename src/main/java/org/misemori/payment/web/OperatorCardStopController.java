package org.misemori.payment.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.StepUp;
import org.misemori.payment.domain.CardStop;
import org.misemori.payment.domain.CardStopRefused;
import org.misemori.payment.domain.CardStops;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator console's emergency stop of card payments: the stops in force, a form to stop
 * card payments in one shop (by its code) or in every shop with a reason, and a button to
 * resume each. Stopping and resuming ask for a second factor given in the last five minutes,
 * as every operator action on a shop's protection does; the operator chain already demands
 * both factors for every {@code /operator/**} page.
 */
@Controller
class OperatorCardStopController {

	private static final String PAGE = "/operator/payments";

	private final CardStops stops;

	private final StepUp stepUp;

	OperatorCardStopController(CardStops stops, StepUp stepUp) {
		this.stops = stops;
		this.stepUp = stepUp;
	}

	@GetMapping(PAGE)
	String page(Model model) {
		model.addAttribute("stops", stops.inForce());
		model.addAttribute("maxReason", CardStops.MAX_REASON);
		return "operator/payments";
	}

	@PostMapping(PAGE + "/stops")
	String stop(@RequestParam(defaultValue = "") String shopCode, @RequestParam(defaultValue = "") String reason,
			Authentication authentication, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (!stepUp.recentlyGiven(authentication)) {
			return "redirect:/operator/2fa?stepup";
		}
		if (reason.length() > CardStops.MAX_REASON * 4) {
			// Far beyond any reason: refused before it is even stripped.
			return refused(new CardStopRefused("cardStop.reason.tooLong"), model, response);
		}
		try {
			CardStop stop = stops.stop(Optional.of(shopCode), reason, authentication.getName());
			redirect.addFlashAttribute("stopped", scope(stop));
			return "redirect:" + PAGE;
		}
		catch (CardStopRefused refused) {
			model.addAttribute("shopCode", shopCode.length() <= 64 ? shopCode : "");
			model.addAttribute("reason", reason);
			return refused(refused, model, response);
		}
	}

	@PostMapping(PAGE + "/stops/{id}/resume")
	String resume(@PathVariable long id, Authentication authentication, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!stepUp.recentlyGiven(authentication)) {
			return "redirect:/operator/2fa?stepup";
		}
		try {
			redirect.addFlashAttribute("resumed", scope(stops.resume(id, authentication.getName())));
			return "redirect:" + PAGE;
		}
		catch (CardStopRefused refused) {
			return refused(refused, model, response);
		}
	}

	private String refused(CardStopRefused refused, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("errorKey", refused.messageKey());
		return page(model);
	}

	/** What the flash names: a shop's code, or nothing for every shop (the page says "every shop"). */
	private static String scope(CardStop stop) {
		return stop.everyShop() ? "" : stop.shopCode();
	}

}
