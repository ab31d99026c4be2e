package org.misemori.identity.web;

import org.misemori.identity.staff.NewStaff;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffProblem;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator invites a shop's owner, who then invites their own staff. */
@Controller
class OperatorShopOwnerController {

	private final StaffAccounts staff;

	private final SecondFactorRaise raise;

	OperatorShopOwnerController(StaffAccounts staff, SecondFactorRaise raise) {
		this.staff = staff;
		this.raise = raise;
	}

	@GetMapping("/operator/shops/{code}/owner")
	String form(@PathVariable String code, Model model) {
		model.addAttribute("shopCode", code);
		model.addAttribute("form", new OwnerForm("", "", ""));
		return "operator/invite-owner";
	}

	@PostMapping("/operator/shops/{code}/owner")
	String invite(@PathVariable String code, @ModelAttribute("form") OwnerForm form, Authentication authentication,
			Model model, RedirectAttributes redirect) {
		if (!raise.recentlyGiven(authentication)) {
			return "redirect:/operator/2fa?stepup";
		}
		try {
			staff.invite(code, new NewStaff(form.loginId(), form.displayName(), form.email(), true),
					authentication.getName());
			redirect.addFlashAttribute("ownerInvited", code);
			return "redirect:/operator";
		}
		catch (StaffProblem problem) {
			model.addAttribute("shopCode", code);
			model.addAttribute("errorKey", problem.messageKey());
			model.addAttribute("errorArguments", problem.arguments());
			return "operator/invite-owner";
		}
	}

	record OwnerForm(String loginId, String displayName, String email) {
	}

}
