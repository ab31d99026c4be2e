package org.misemori.identity.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.campaign.ForcedReset;
import org.misemori.identity.domain.CorrectableProblem;
import org.misemori.identity.domain.Sha256;
import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.lockout.LoginThrottle;
import org.misemori.identity.member.MemberAccounts;
import org.misemori.identity.member.MemberCredentialChanges;
import org.misemori.identity.member.MemberPrincipal;
import org.misemori.identity.password.AccountKind;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopRequest;
import org.misemori.platform.TenantContext;
import org.misemori.system.WebBaseline;

import org.springframework.http.HttpStatus;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Shoppers' sign-up, sign-in and password reset on the shop's storefront. Sign-up and reset
 * requests answer at once and do their work afterwards, so a known and an unknown address get
 * the same page in the same time; only the mail, to the address's owner, tells them apart.
 */
@Controller
@RequestMapping("/s/{shopCode}/account")
class MemberAccountController {

	private static final Duration HAND_OFF_DELAY = Duration.ofMillis(50);

	private final MemberAccounts members;

	private final LoginThrottle throttle;

	private final MemberSignIn signIn;

	private final TaskScheduler background;

	private final ForcedReset forcedReset;

	private final MemberCredentialChanges changes;

	MemberAccountController(MemberAccounts members, LoginThrottle throttle, MemberSignIn signIn,
			TaskScheduler background, ForcedReset forcedReset, MemberCredentialChanges changes) {
		this.changes = changes;
		this.members = members;
		this.throttle = throttle;
		this.signIn = signIn;
		this.background = background;
		this.forcedReset = forcedReset;
	}

	@GetMapping
	String myPage(HttpServletRequest request, Model model) {
		Shop shop = shop(request, model);
		if (!(signedIn(shop) instanceof MemberPrincipal member)) {
			return "redirect:" + model.getAttribute("base") + "/account/login";
		}
		model.addAttribute("member", member);
		return "storefront/account/mypage";
	}

	@GetMapping("/register")
	String registerPage(HttpServletRequest request, Model model) {
		shop(request, model);
		return "storefront/account/register";
	}

	@PostMapping("/register")
	String register(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		Shop shop = shop(request, model);
		try {
			String hash = members.checkSignUp(email, password, confirmation);
			later(shop, () -> members.completeSignUp(shop, email, hash));
			model.addAttribute("messageKey", "member.check-mail.sign-up");
			return "storefront/account/check-mail";
		}
		catch (CorrectableProblem problem) {
			return refuse(problem, "storefront/account/register", model, response);
		}
	}

	@GetMapping("/confirm")
	String confirm(@RequestParam(defaultValue = "") String token, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		Shop shop = shop(request, model);
		return members.confirm(shop, token).map(key -> {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("errorKey", key);
			return "storefront/account/link-refused";
		}).orElse("redirect:" + model.getAttribute("base") + "/account/login?confirmed");
	}

	@GetMapping("/login")
	String loginPage(HttpServletRequest request, Model model) {
		shop(request, model);
		return "storefront/account/login";
	}

	@PostMapping("/login")
	String login(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Shop shop = shop(request, model);
		AccountKey account = AccountKey.member(shop.id().value(), emailKey(email));
		if (!throttle.admit(account, request.getRemoteAddr()).isAllowed()) {
			return refuse(new ThrottledProblem(), "storefront/account/login", model, response);
		}
		return members.authenticate(shop, email, password).map(member -> {
			if (forcedReset.pending(AccountKind.MEMBER, shop.id().value(), member.memberId())) {
				// A reset campaign waits for a new password: the old one opens that page, nothing else.
				throttle.succeeded(account, request.getRemoteAddr());
				return "redirect:" + model.getAttribute("base") + "/account/reset/confirm?token="
						+ forcedReset.memberResetToken(shop.id().value(), member.memberId());
			}
			// Signed in, or, if the member has a second factor, on to the code step.
			return "redirect:" + signIn.afterPassword(member, account, (String) model.getAttribute("base"), request, response);
		}).orElseGet(() -> {
			throttle.failed(account, request.getRemoteAddr());
			return refuse(new WrongCredentials(), "storefront/account/login", model, response);
		});
	}

	@PostMapping("/logout")
	String logout(HttpServletRequest request, HttpServletResponse response, Model model) {
		shop(request, model);
		if (request.getSession(false) != null) {
			request.getSession(false).invalidate();
		}
		SecurityContextHolder.clearContext();
		// The token lives in a cookie, not in the session just ended: replace it as well.
		WebBaseline.rotatePublicCsrfToken(request, response);
		return "redirect:" + model.getAttribute("base") + "/";
	}

	@GetMapping("/reset")
	String resetRequestPage(HttpServletRequest request, Model model) {
		shop(request, model);
		return "storefront/account/reset-request";
	}

	@PostMapping("/reset")
	String requestReset(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
		Shop shop = shop(request, model);
		later(shop, () -> members.requestReset(shop, email));
		model.addAttribute("messageKey", "member.check-mail.reset");
		return "storefront/account/check-mail";
	}

	@GetMapping("/reset/confirm")
	String resetPage(@RequestParam(defaultValue = "") String token, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		Shop shop = shop(request, model);
		model.addAttribute("token", token);
		if (!members.resetLinkUsable(shop, token)) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("errorKey", "member.link.invalid");
			return "storefront/account/link-refused";
		}
		return "storefront/account/reset";
	}

	@PostMapping("/reset/confirm")
	String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		Shop shop = shop(request, model);
		model.addAttribute("token", token);
		try {
			changes.passwordWasReset(shop, members.resetPassword(shop, token, password, confirmation),
					request.getRemoteAddr());
			return "redirect:" + model.getAttribute("base") + "/account/login?reset";
		}
		catch (CorrectableProblem problem) {
			return refuse(problem, "storefront/account/reset", model, response);
		}
	}

	/**
	 * After the response has gone: the work for a known address (a token, a mail) must not
	 * compete with the request for the CPU, or the response time would tell it apart.
	 */
	private void later(Shop shop, Runnable work) {
		background.schedule(() -> TenantContext.runAs(shop.id(), work), Instant.now().plus(HAND_OFF_DELAY));
	}

	static Object signedIn(Shop shop) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal member
				&& member.shopId().equals(shop.id())) {
			return member;
		}
		return null;
	}

	static Shop shop(HttpServletRequest request, Model model) {
		ShopRequest shopRequest = ShopRequest.of(request).filter(r -> r.shop().isOpen())
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("shop", shopRequest.shop());
		model.addAttribute("base", shopRequest.basePath());
		return shopRequest.shop();
	}

	static String refuse(CorrectableProblem problem, String view, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("errorKey", problem.messageKey());
		model.addAttribute("errorArguments", problem.arguments());
		return view;
	}

	/** Throttling keys never hold the address itself. */
	static String emailKey(String email) {
		return Sha256.hex(email == null ? "" : email.strip().toLowerCase(Locale.ROOT)).substring(0, 32);
	}

	private static final class WrongCredentials extends CorrectableProblem {

		WrongCredentials() {
			super("member.login.failed");
		}

	}

	private static final class ThrottledProblem extends CorrectableProblem {

		ThrottledProblem() {
			super("member.login.throttled");
		}

	}

}
