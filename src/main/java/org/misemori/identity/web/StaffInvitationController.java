package org.misemori.identity.web;

import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffProblem;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Where an invited staff member chooses their password. */
@Controller
class StaffInvitationController {

	private final StaffAccounts staff;

	StaffInvitationController(StaffAccounts staff) {
		this.staff = staff;
	}

	@GetMapping("/admin/invitation")
	String page(@RequestParam(defaultValue = "") String shop, @RequestParam(defaultValue = "") String token, Model model,
			HttpServletResponse response) {
		model.addAttribute("shopCode", shop);
		model.addAttribute("token", token);
		return staff.invitationProblem(shop, token).map(key -> {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("errorKey", key);
			return "admin/invitation-refused";
		}).orElse("admin/invitation");
	}

	@PostMapping("/admin/invitation")
	String accept(@RequestParam(defaultValue = "") String shop, @RequestParam(defaultValue = "") String token,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
			Model model, HttpServletResponse response) {
		try {
			staff.acceptInvitation(shop, token, password, confirmation);
			return "redirect:/admin/login?ready&shop=" + shop;
		}
		catch (StaffProblem problem) {
			model.addAttribute("shopCode", shop);
			model.addAttribute("token", token);
			model.addAttribute("errorKey", problem.messageKey());
			model.addAttribute("errorArguments", problem.arguments());
			boolean linkProblem = problem.messageKey().startsWith("staff.invitation");
			response.setStatus(linkProblem ? HttpStatus.GONE.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
			return linkProblem ? "admin/invitation-refused" : "admin/invitation";
		}
	}

}
