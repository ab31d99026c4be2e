package org.misemori.identity.environment;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.lockout.AccountKey;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The "this was not me" link of an alert mail. Opening it changes nothing (mail scanners and
 * link previews open links too); the button on the page, a POST with a CSRF token, ends every
 * session of the account and invalidates its password. Served by the public chain: whoever
 * reports a stranger's sign-in is by definition not signed in on this browser.
 */
@Controller
@RequestMapping("/account/not-me")
class NotMeController {

	private final NotMeTokens tokens;

	private final AccountLockdown lockdown;


	private final ApplicationEventPublisher events;

	NotMeController(NotMeTokens tokens, AccountLockdown lockdown, ApplicationEventPublisher events) {
		this.tokens = tokens;
		this.lockdown = lockdown;
		this.events = events;
	}

	@GetMapping
	String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		if (tokens.claim(token).isEmpty()) {
			return invalid(response);
		}
		model.addAttribute("token", token);
		return "account/not-me";
	}

	/**
	 * Locks the account down first and spends the token after: both steps can be repeated
	 * harmlessly, so a failure half-way leaves a link that still works for another try, and
	 * of two clicks at once only the one that spends the token is recorded.
	 */
	@PostMapping
	String report(@RequestParam(required = false) String token, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		Optional<NotMeTokens.Claim> claim = tokens.claim(token);
		if (claim.isEmpty()) {
			return invalid(response);
		}
		AccountKey account = AccountKeys.parse(claim.get().accountKey());
		lockdown.invalidatePassword(account);
		int ended = lockdown.endSessions(claim.get().principalName());
		if (tokens.spend(token)) {
			events.publishEvent(new NotMeReported(account.id(), account.shopId(), ended, request.getRemoteAddr()));
		}
		model.addAttribute("done", true);
		model.addAttribute("nextKey", account.kind() == AccountKey.Kind.STAFF ? "notme.done.staff" : "notme.done.operator");
		return "account/not-me";
	}

	private static String invalid(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "account/not-me-invalid";
	}

}
