package org.misemori.ordering.web;

import java.nio.charset.Charset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.StepUp;
import org.misemori.ordering.Carrier;
import org.misemori.ordering.OrderingException;
import org.misemori.ordering.domain.OrderSlips;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The carriers' slip files of the orders being prepared. They carry recipients' names,
 * addresses and phones, so they need a second factor given in the last five minutes (step-up),
 * like the member export; the reading and the export are recorded before the file leaves.
 */
@Controller
class AdminSlipsController {

	private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	private final OrderSlips slips;

	private final StepUp stepUp;

	AdminSlipsController(OrderSlips slips, StepUp stepUp) {
		this.slips = slips;
		this.stepUp = stepUp;
	}

	@GetMapping("/admin/orders/slips.csv")
	Object slips(@RequestParam(defaultValue = "") String carrier, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (!stepUp.recentlyGiven(authentication)) {
			return stepUp.askForFreshFactor(request, response);
		}
		Carrier chosen = "SAGAWA".equals(carrier) ? Carrier.SAGAWA : Carrier.YAMATO;
		try {
			byte[] file = slips.export(chosen, authentication.getName());
			String name = chosen == Carrier.YAMATO ? "b2-cloud.csv" : "e-hiden.csv";
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", WINDOWS_31J))
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(file);
		}
		catch (OrderingException refused) {
			redirect.addFlashAttribute("slipsErrorKey", refused.messageKey());
			redirect.addFlashAttribute("slipsErrorArguments", refused.getArguments());
			return "redirect:/admin/orders";
		}
	}

}
