package org.misemori.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.campaign.CampaignProblem;
import org.misemori.identity.campaign.OperatorResetLinks;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Operators' "forgot password" and the page their reset links open; the request answers alike for any login ID. */
@Controller
class OperatorPasswordResetController {

	private final OperatorResetLinks links;

	OperatorPasswordResetController(OperatorResetLinks links) {
		this.links = links;
	}

	@GetMapping("/operator/password-reset")
	String page(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		if (token.isEmpty()) {
			return "operator/password-reset-request";
		}
		model.addAttribute("token", token);
		if (!links.usable(token)) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("errorKey", "reset.link.invalid");
			return "operator/reset-refused";
		}
		return "operator/password-reset";
	}

	@PostMapping("/operator/password-reset/request")
	String request(@RequestParam(defaultValue = "") String loginId, Model model) {
		links.requestReset(loginId);
		model.addAttribute("sent", true);
		return "operator/password-reset-request";
	}

	@PostMapping("/operator/password-reset")
	String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		try {
			links.reset(token, password, confirmation, request.getRemoteAddr());
			return "redirect:/operator/login?reset";
		}
		catch (CampaignProblem problem) {
			model.addAttribute("token", token);
			model.addAttribute("errorKey", problem.messageKey());
			model.addAttribute("errorArguments", problem.arguments());
			boolean linkProblem = "reset.link.invalid".equals(problem.messageKey());
			response.setStatus(linkProblem ? HttpStatus.GONE.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
			return linkProblem ? "operator/reset-refused" : "operator/password-reset";
		}
	}

}
