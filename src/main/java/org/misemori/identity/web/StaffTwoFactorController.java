package org.misemori.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.staff.StaffMember;
import org.misemori.identity.twofactor.StaffSecondFactor;

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

/** The shop admin's second step, and the enrolment its first sign-in forces. */
@Controller
class StaffTwoFactorController {

	private final StaffSecondFactor secondFactor;

	private final SecondFactorRaise raise;

	private final SecondFactorGuard guard;

	private final SecurityChangeNotices notices;

	StaffTwoFactorController(StaffSecondFactor secondFactor, SecondFactorRaise raise, SecondFactorGuard guard,
			SecurityChangeNotices notices) {
		this.notices = notices;
		this.guard = guard;
		this.secondFactor = secondFactor;
		this.raise = raise;
	}

	@ModelAttribute
	void area(Model model) {
		model.addAttribute("area", "/admin");
		model.addAttribute("consoleKey", "admin.console");
	}

	@GetMapping("/admin/2fa")
	String codePage(Authentication authentication) {
		return secondFactor.isEnrolled(staff(authentication)) ? "twofactor/code" : "redirect:/admin/2fa/enrol";
	}

	@PostMapping("/admin/2fa")
	String verify(@RequestParam(defaultValue = "") String code, Authentication authentication, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		SecondFactorGuard.Outcome outcome = guard.check(staffKey(authentication), request,
				() -> secondFactor.verify(staff(authentication), code));
		if (outcome != SecondFactorGuard.Outcome.ACCEPTED) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errorKey",
					outcome == SecondFactorGuard.Outcome.REFUSED ? "operator.login.locked" : "twofactor.code.wrong");
			return "twofactor/code";
		}
		if (!code.strip().matches("\\d{6}")) {
			notices.recoveryCodeUsed(staffKey(authentication), request.getRemoteAddr());
		}
		return "redirect:" + raise.raise(authentication, "/admin", request, response);
	}

	@GetMapping("/admin/2fa/enrol")
	String enrolPage(Authentication authentication, Model model) {
		// Once a factor exists, a password alone must never be enough to add another.
		if (secondFactor.isEnrolled(staff(authentication))) {
			return "redirect:/admin/2fa";
		}
		model.addAttribute("enrolment", secondFactor.beginEnrolment(staff(authentication)));
		return "twofactor/enrol";
	}

	@PostMapping("/admin/2fa/enrol")
	String confirmEnrolment(@RequestParam(defaultValue = "") String code, Authentication authentication, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		StaffMember staff = staff(authentication);
		if (secondFactor.isEnrolled(staff)) {
			return "redirect:/admin/2fa";
		}
		return secondFactor.confirmEnrolment(staff, code).map(recoveryCodes -> {
			notices.secondFactorEnrolled(staffKey(authentication), request.getRemoteAddr());
			model.addAttribute("recoveryCodes", recoveryCodes);
			model.addAttribute("continueTo", raise.raise(authentication, "/admin", request, response));
			return "twofactor/recovery-codes";
		}).orElseGet(() -> {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errorKey", "twofactor.code.wrong");
			model.addAttribute("enrolment", secondFactor.beginEnrolment(staff));
			return "twofactor/enrol";
		});
	}

	private static AccountKey staffKey(Authentication authentication) {
		StaffMember staff = staff(authentication);
		return AccountKey.staff(staff.shopId().value(), staff.getUsername().substring(staff.getUsername().indexOf('/') + 1));
	}

	private static StaffMember staff(Authentication authentication) {
		return (StaffMember) authentication.getPrincipal();
	}

}
