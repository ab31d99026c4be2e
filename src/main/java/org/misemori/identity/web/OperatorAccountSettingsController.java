package org.misemori.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.domain.CorrectableProblem;
import org.misemori.identity.domain.OperatorCredentialChanges;
import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.session.OwnSessions;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An operator's own password and email address ({@code /operator/account}), as staff have theirs. */
@Controller
class OperatorAccountSettingsController {

	private final OperatorCredentialChanges changes;

	private final SecondFactorRaise raise;

	private final SecondFactorGuard guard;

	private final OwnSessions sessions;

	OperatorAccountSettingsController(OperatorCredentialChanges changes, SecondFactorRaise raise, SecondFactorGuard guard,
			OwnSessions sessions) {
		this.changes = changes;
		this.raise = raise;
		this.guard = guard;
		this.sessions = sessions;
	}

	@GetMapping("/operator/account")
	String page() {
		return "operator/account";
	}

	@PostMapping("/operator/account/password")
	String changePassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, Authentication authentication, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (!raise.recentlyGiven(authentication)) {
			return "redirect:/operator/2fa?stepup";
		}
		String loginId = authentication.getName();
		SecondFactorGuard.Outcome outcome = guard.check(AccountKey.operator(loginId), request,
				() -> changes.isCurrentPassword(loginId, current));
		if (outcome != SecondFactorGuard.Outcome.ACCEPTED) {
			return refuse(outcome == SecondFactorGuard.Outcome.REFUSED ? "operator.login.locked" : "account.password.wrong",
					new Object[0], model, response);
		}
		try {
			changes.changePassword(loginId, password, confirmation, request.getRemoteAddr());
		}
		catch (CorrectableProblem problem) {
			return refuse(problem.messageKey(), problem.arguments(), model, response);
		}
		sessions.endAllBut(loginId, request.getSession().getId());
		request.changeSessionId();
		redirect.addFlashAttribute("doneKey", "account.password.changed");
		return "redirect:/operator/account";
	}

	@PostMapping("/operator/account/email")
	String changeEmail(@RequestParam(defaultValue = "") String email, Authentication authentication, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (!raise.recentlyGiven(authentication)) {
			return "redirect:/operator/2fa?stepup";
		}
		try {
			changes.changeEmail(authentication.getName(), email, request.getRemoteAddr());
		}
		catch (CorrectableProblem problem) {
			return refuse(problem.messageKey(), problem.arguments(), model, response);
		}
		redirect.addFlashAttribute("doneKey", "account.email.changed");
		return "redirect:/operator/account";
	}

	private static String refuse(String key, Object[] arguments, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("errorKey", key);
		model.addAttribute("errorArguments", arguments);
		return "operator/account";
	}

}
