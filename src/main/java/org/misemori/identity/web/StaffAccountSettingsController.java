package org.misemori.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.domain.CorrectableProblem;
import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.session.OwnSessions;
import org.misemori.identity.staff.StaffCredentialChanges;
import org.misemori.identity.staff.StaffMember;
import org.misemori.platform.ShopDirectory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A staff member's own password and email address ({@code /admin/account}). Both are security
 * settings: they want a code given in the last five minutes. A wrong current password counts
 * like a failed sign-in, so a stolen session cannot be used to guess it.
 */
@Controller
class StaffAccountSettingsController {

	private final StaffCredentialChanges changes;

	private final SecondFactorRaise raise;

	private final SecondFactorGuard guard;

	private final OwnSessions sessions;

	private final ShopDirectory shops;

	StaffAccountSettingsController(StaffCredentialChanges changes, SecondFactorRaise raise, SecondFactorGuard guard,
			OwnSessions sessions, ShopDirectory shops) {
		this.changes = changes;
		this.raise = raise;
		this.guard = guard;
		this.sessions = sessions;
		this.shops = shops;
	}

	@GetMapping("/admin/account")
	String page(Authentication authentication, Model model) {
		model.addAttribute("shop", AdminController.shopOf(authentication, shops));
		return "admin/account";
	}

	@PostMapping("/admin/account/password")
	String changePassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, Authentication authentication, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (!raise.recentlyGiven(authentication)) {
			return "redirect:/admin/2fa?stepup";
		}
		StaffMember me = (StaffMember) authentication.getPrincipal();
		SecondFactorGuard.Outcome outcome = guard.check(key(me), request, () -> changes.isCurrentPassword(me, current));
		if (outcome != SecondFactorGuard.Outcome.ACCEPTED) {
			return refuse(outcome == SecondFactorGuard.Outcome.REFUSED ? "operator.login.locked" : "account.password.wrong",
					new Object[0], authentication, model, response);
		}
		try {
			changes.changePassword(me, password, confirmation, request.getRemoteAddr());
		}
		catch (CorrectableProblem problem) {
			return refuse(problem.messageKey(), problem.arguments(), authentication, model, response);
		}
		// Whoever else was signed in with the old password is not any more; this session goes on under a new id.
		sessions.endAllBut(authentication.getName(), request.getSession().getId());
		request.changeSessionId();
		redirect.addFlashAttribute("doneKey", "account.password.changed");
		return "redirect:/admin/account";
	}

	@PostMapping("/admin/account/email")
	String changeEmail(@RequestParam(defaultValue = "") String email, Authentication authentication, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (!raise.recentlyGiven(authentication)) {
			return "redirect:/admin/2fa?stepup";
		}
		try {
			changes.changeEmail((StaffMember) authentication.getPrincipal(), email, request.getRemoteAddr());
		}
		catch (CorrectableProblem problem) {
			return refuse(problem.messageKey(), problem.arguments(), authentication, model, response);
		}
		redirect.addFlashAttribute("doneKey", "account.email.changed");
		return "redirect:/admin/account";
	}

	private String refuse(String key, Object[] arguments, Authentication authentication, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("errorKey", key);
		model.addAttribute("errorArguments", arguments);
		return page(authentication, model);
	}

	private static AccountKey key(StaffMember me) {
		return AccountKey.staff(me.shopId().value(), me.getUsername().substring(me.getUsername().indexOf('/') + 1));
	}

}
