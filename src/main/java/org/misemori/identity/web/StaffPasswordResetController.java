package org.misemori.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.campaign.CampaignProblem;
import org.misemori.identity.campaign.StaffResetLinks;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff's "forgot password" and the page every staff reset link opens (self-service, a
 * campaign's, or a forced sign-in's). The request answers the same whether or not the account
 * exists: only the mail, to the holder, tells.
 */
@Controller
class StaffPasswordResetController {

	private final StaffResetLinks links;

	StaffPasswordResetController(StaffResetLinks links) {
		this.links = links;
	}

	@GetMapping("/admin/password-reset")
	String page(@RequestParam(defaultValue = "") String shop, @RequestParam(defaultValue = "") String token,
			Model model, HttpServletResponse response) {
		if (token.isEmpty()) {
			return "admin/password-reset-request";
		}
		model.addAttribute("shopCode", shop);
		model.addAttribute("token", token);
		if (!links.usable(shop, token)) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("errorKey", "reset.link.invalid");
			return "admin/invitation-refused";
		}
		return "admin/password-reset";
	}

	@PostMapping("/admin/password-reset/request")
	String request(@RequestParam(defaultValue = "") String shop, @RequestParam(defaultValue = "") String loginId,
			Model model) {
		links.requestReset(shop, loginId);
		model.addAttribute("sent", true);
		return "admin/password-reset-request";
	}

	@PostMapping("/admin/password-reset")
	String reset(@RequestParam(defaultValue = "") String shop, @RequestParam(defaultValue = "") String token,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
			HttpServletRequest request, Model model, HttpServletResponse response) {
		try {
			links.reset(shop, token, password, confirmation, request.getRemoteAddr());
			return "redirect:/admin/login?reset&shop=" + shop;
		}
		catch (CampaignProblem problem) {
			model.addAttribute("shopCode", shop);
			model.addAttribute("token", token);
			model.addAttribute("errorKey", problem.messageKey());
			model.addAttribute("errorArguments", problem.arguments());
			boolean linkProblem = "reset.link.invalid".equals(problem.messageKey());
			response.setStatus(linkProblem ? HttpStatus.GONE.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
			return linkProblem ? "admin/invitation-refused" : "admin/password-reset";
		}
	}

}
