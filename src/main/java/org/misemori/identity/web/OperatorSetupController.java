package org.misemori.identity.web;

import java.util.Optional;

import org.misemori.identity.domain.OperatorSetup;
import org.misemori.identity.domain.SetupRefusedException;
import org.misemori.identity.domain.SetupTokenProblem;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** The one-time setup page for the first operator. */
@Controller
class OperatorSetupController {

	private final OperatorSetup setup;

	OperatorSetupController(OperatorSetup setup) {
		this.setup = setup;
	}

	@GetMapping("/operator/setup")
	String setupPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		Optional<SetupTokenProblem> problem = setup.check(token);
		if (problem.isPresent()) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("errorKey", problem.get().messageKey());
			return "operator/setup-refused";
		}
		model.addAttribute("form", new SetupForm(token, "", "", "", ""));
		return "operator/setup";
	}

	@PostMapping("/operator/setup")
	String completeSetup(@ModelAttribute("form") SetupForm form, Model model, HttpServletResponse response) {
		try {
			setup.complete(form.token(), form.loginId(), form.email(), form.password(), form.confirmation());
			return "redirect:/operator/login?ready";
		}
		catch (SetupRefusedException ex) {
			model.addAttribute("errorKey", ex.messageKey());
			model.addAttribute("errorArguments", ex.arguments());
			model.addAttribute("form", new SetupForm(form.token(), form.loginId(), form.email(), "", ""));
			if (ex.messageKey().startsWith("setup.token")) {
				response.setStatus(HttpStatus.GONE.value());
				return "operator/setup-refused";
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "operator/setup";
		}
	}

	record SetupForm(String token, String loginId, String email, String password, String confirmation) {
	}

}
