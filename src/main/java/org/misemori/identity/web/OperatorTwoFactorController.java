package org.misemori.identity.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.twofactor.OperatorSecondFactor;

import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.notices.SecurityChangeNotices;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of an operator's sign-in, and the enrolment that the first sign-in forces:
 * no route of the console works until a TOTP authenticator is set up and a code given.
 */
@Controller
class OperatorTwoFactorController {

	private final OperatorSecondFactor secondFactor;

	private final SecondFactorRaise raise;

	private final SecondFactorGuard guard;

	private final SecurityChangeNotices notices;

	OperatorTwoFactorController(OperatorSecondFactor secondFactor, SecondFactorRaise raise, SecondFactorGuard guard,
			SecurityChangeNotices notices) {
		this.notices = notices;
		this.guard = guard;
		this.secondFactor = secondFactor;
		this.raise = raise;
	}

	@ModelAttribute
	void area(Model model) {
		model.addAttribute("area", "/operator");
		model.addAttribute("consoleKey", "operator.console");
	}

	@GetMapping("/operator/2fa")
	String codePage(Authentication authentication) {
		return secondFactor.isEnrolled(authentication.getName()) ? "twofactor/code" : "redirect:/operator/2fa/enrol";
	}

	@PostMapping("/operator/2fa")
	String verify(@RequestParam(defaultValue = "") String code, Authentication authentication, Model model,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		SecondFactorGuard.Outcome outcome = guard.check(AccountKey.operator(authentication.getName()), request,
				() -> secondFactor.verify(authentication.getName(), code));
		if (outcome != SecondFactorGuard.Outcome.ACCEPTED) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errorKey",
					outcome == SecondFactorGuard.Outcome.REFUSED ? "operator.login.locked" : "twofactor.code.wrong");
			return "twofactor/code";
		}
		if (!code.strip().matches("\\d{6}")) {
			notices.recoveryCodeUsed(AccountKey.operator(authentication.getName()), request.getRemoteAddr());
		}
		return "redirect:" + raiseToTotp(authentication, request, response);
	}

	@GetMapping("/operator/2fa/enrol")
	String enrolPage(Authentication authentication, Model model) {
		// Once a factor exists, a password alone must never be enough to add another.
		if (secondFactor.isEnrolled(authentication.getName())) {
			return "redirect:/operator/2fa";
		}
		model.addAttribute("enrolment", secondFactor.beginEnrolment(authentication.getName()));
		return "twofactor/enrol";
	}

	@PostMapping("/operator/2fa/enrol")
	String confirmEnrolment(@RequestParam(defaultValue = "") String code, Authentication authentication, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (secondFactor.isEnrolled(authentication.getName())) {
			return "redirect:/operator/2fa";
		}
		return secondFactor.confirmEnrolment(authentication.getName(), code).map(recoveryCodes -> {
			notices.secondFactorEnrolled(AccountKey.operator(authentication.getName()), request.getRemoteAddr());
			model.addAttribute("recoveryCodes", recoveryCodes);
			model.addAttribute("continueTo", raiseToTotp(authentication, request, response));
			return "twofactor/recovery-codes";
		}).orElseGet(() -> {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errorKey", "twofactor.code.wrong");
			model.addAttribute("enrolment", secondFactor.beginEnrolment(authentication.getName()));
			return "twofactor/enrol";
		});
	}

	private String raiseToTotp(Authentication current, HttpServletRequest request, HttpServletResponse response) {
		return raise.raise(current, "/operator", request, response);
	}

}
