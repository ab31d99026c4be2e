package org.misemori.identity.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.domain.CorrectableProblem;
import org.misemori.identity.domain.Sha256;
import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.member.MemberCredentialChanges;
import org.misemori.identity.member.MemberPrincipal;
import org.misemori.identity.session.OwnSessions;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's own password and address, on the storefront. Both ask for the current password
 * (counted like sign-in failures); a new address takes effect from the link mailed to it.
 */
@Controller
@RequestMapping("/s/{shopCode}/account/settings")
class MemberSettingsController {

	private final MemberCredentialChanges changes;

	private final SecondFactorGuard guard;

	private final OwnSessions sessions;

	private final SecurityContextRepository contexts;

	MemberSettingsController(MemberCredentialChanges changes, SecondFactorGuard guard, OwnSessions sessions,
			SecurityContextRepository contexts) {
		this.changes = changes;
		this.guard = guard;
		this.sessions = sessions;
		this.contexts = contexts;
	}

	@GetMapping
	String page(HttpServletRequest request, Model model) {
		Shop shop = shop(request, model);
		return signedIn(shop) == null ? "redirect:" + model.getAttribute("base") + "/account/login"
				: "storefront/account/settings";
	}

	@PostMapping("/password")
	String changePassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		Shop shop = shop(request, model);
		MemberPrincipal me = signedIn(shop);
		if (me == null) {
			return "redirect:" + model.getAttribute("base") + "/account/login";
		}
		String refused = currentPasswordProblem(shop, me, current, request);
		if (refused != null) {
			return refuse(refused, new Object[0], model, response);
		}
		try {
			changes.changePassword(shop, me, password, confirmation, request.getRemoteAddr());
		}
		catch (CorrectableProblem problem) {
			return refuse(problem.messageKey(), problem.arguments(), model, response);
		}
		sessions.endAllBut(me.getName(), request.getSession().getId());
		request.changeSessionId();
		redirect.addFlashAttribute("doneKey", "account.password.changed");
		return "redirect:" + model.getAttribute("base") + "/account/settings";
	}

	@PostMapping("/email")
	String changeEmail(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String email,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Shop shop = shop(request, model);
		MemberPrincipal me = signedIn(shop);
		if (me == null) {
			return "redirect:" + model.getAttribute("base") + "/account/login";
		}
		String refused = currentPasswordProblem(shop, me, current, request);
		if (refused != null) {
			return refuse(refused, new Object[0], model, response);
		}
		try {
			changes.requestEmailChange(shop, me, email);
		}
		catch (CorrectableProblem problem) {
			return refuse(problem.messageKey(), problem.arguments(), model, response);
		}
		redirect.addFlashAttribute("doneKey", "account.email.check-mail");
		return "redirect:" + model.getAttribute("base") + "/account/settings";
	}

	@GetMapping("/email/confirm")
	String confirmEmail(@RequestParam(defaultValue = "") String token, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		Shop shop = shop(request, model);
		return changes.confirmEmailChange(shop, token, request.getRemoteAddr()).map(changed -> {
			showNewAddress(shop, changed, request, response);
			return "storefront/account/email-changed";
		}).orElseGet(() -> {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("errorKey", "member.link.invalid");
			return "storefront/account/link-refused";
		});
	}

	/** If the link was opened in the member's own signed-in browser, its session shows the new address from now on. */
	private void showNewAddress(Shop shop, MemberPrincipal changed, HttpServletRequest request,
			HttpServletResponse response) {
		MemberPrincipal me = signedIn(shop);
		if (me == null || me.memberId() != changed.memberId()) {
			return;
		}
		var current = SecurityContextHolder.getContext().getAuthentication();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(changed, null, current.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	/** A wrong current password counts like a failed sign-in of the account, so a stolen session cannot guess it. */
	private String currentPasswordProblem(Shop shop, MemberPrincipal me, String current, HttpServletRequest request) {
		AccountKey account = AccountKey.member(shop.id().value(),
				Sha256.hex(me.email().strip().toLowerCase(Locale.ROOT)).substring(0, 32));
		return switch (guard.check(account, request, () -> changes.isCurrentPassword(me, current))) {
			case ACCEPTED -> null;
			case WRONG -> "account.password.wrong";
			case REFUSED -> "member.login.throttled";
		};
	}

	private static MemberPrincipal signedIn(Shop shop) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal member
				&& member.shopId().equals(shop.id())) {
			return member;
		}
		return null;
	}

	private static Shop shop(HttpServletRequest request, Model model) {
		ShopRequest shopRequest = ShopRequest.of(request)
			.filter(r -> r.shop().isOpen())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("shop", shopRequest.shop());
		model.addAttribute("base", shopRequest.basePath());
		return shopRequest.shop();
	}

	private static String refuse(String key, Object[] arguments, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("errorKey", key);
		model.addAttribute("errorArguments", arguments);
		return "storefront/account/settings";
	}

}
