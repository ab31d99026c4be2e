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

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Shoppers' sign-up, sign-in and password reset on the shop's storefront. The pages are drawn by
 * the shop's theme ({@link MemberAccountViews}); this class keeps the forms' handling, the
 * throttle and the sign-in flow. Sign-up and reset requests answer at once and do their work
 * afterwards, so a known and an unknown address get the same page in the same time; only the
 * mail, to the address's owner, tells them apart.
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

	private final MemberAccountViews views;

	MemberAccountController(MemberAccounts members, LoginThrottle throttle, MemberSignIn signIn,
			TaskScheduler background, ForcedReset forcedReset, MemberCredentialChanges changes, MemberAccountViews views) {
		this.changes = changes;
		this.views = views;
		this.members = members;
		this.throttle = throttle;
		this.signIn = signIn;
		this.background = background;
		this.forcedReset = forcedReset;
	}

	@GetMapping
	ResponseEntity<String> myPage(HttpServletRequest request) {
		ShopRequest shop = shopRequest(request);
		if (!(signedIn(shop.shop()) instanceof MemberPrincipal member)) {
			return redirect(shop.basePath() + "/account/login");
		}
		return views.myPage(request, member);
	}

	@GetMapping("/register")
	ResponseEntity<String> registerPage(HttpServletRequest request) {
		shopRequest(request);
		return views.signUp(request, "", null, HttpStatus.OK);
	}

	@PostMapping("/register")
	ResponseEntity<String> register(@RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
			HttpServletRequest request) {
		Shop shop = shopRequest(request).shop();
		try {
			String hash = members.checkSignUp(email, password, confirmation);
			later(shop, () -> members.completeSignUp(shop, email, hash));
			return views.checkMail(request, "member.check-mail.sign-up");
		}
		catch (CorrectableProblem problem) {
			return views.signUp(request, email, problem, HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@GetMapping("/confirm")
	ResponseEntity<String> confirm(@RequestParam(defaultValue = "") String token, HttpServletRequest request) {
		ShopRequest shop = shopRequest(request);
		return members.confirm(shop.shop(), token)
			.map(key -> views.linkRefused(request, key))
			.orElseGet(() -> redirect(shop.basePath() + "/account/login?confirmed"));
	}

	@GetMapping("/login")
	ResponseEntity<String> loginPage(HttpServletRequest request) {
		return views.signIn(request, shopRequest(request).basePath(), null, HttpStatus.OK);
	}

	@PostMapping("/login")
	ResponseEntity<String> login(@RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String password, HttpServletRequest request, HttpServletResponse response) {
		ShopRequest shopRequest = shopRequest(request);
		Shop shop = shopRequest.shop();
		String base = shopRequest.basePath();
		AccountKey account = AccountKey.member(shop.id().value(), emailKey(email));
		if (!throttle.admit(account, request.getRemoteAddr()).isAllowed()) {
			return views.signIn(request, base, new ThrottledProblem(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return members.authenticate(shop, email, password).map(member -> {
			if (forcedReset.pending(AccountKind.MEMBER, shop.id().value(), member.memberId())) {
				// A reset campaign waits for a new password: the old one opens that page, nothing else.
				throttle.succeeded(account, request.getRemoteAddr());
				return redirect(base + "/account/reset/confirm?token="
						+ forcedReset.memberResetToken(shop.id().value(), member.memberId()));
			}
			// Signed in, or, if the member has a second factor, on to the code step.
			return redirect(signIn.afterPassword(member, account, base, request, response));
		}).orElseGet(() -> {
			throttle.failed(account, request.getRemoteAddr());
			return views.signIn(request, base, new WrongCredentials(), HttpStatus.UNPROCESSABLE_CONTENT);
		});
	}

	@PostMapping("/logout")
	ResponseEntity<String> logout(HttpServletRequest request, HttpServletResponse response) {
		ShopRequest shop = shopRequest(request);
		if (request.getSession(false) != null) {
			request.getSession(false).invalidate();
		}
		SecurityContextHolder.clearContext();
		// The token lives in a cookie, not in the session just ended: replace it as well.
		WebBaseline.rotatePublicCsrfToken(request, response);
		return redirect(shop.basePath() + "/");
	}

	@GetMapping("/reset")
	ResponseEntity<String> resetRequestPage(HttpServletRequest request) {
		shopRequest(request);
		return views.resetRequest(request);
	}

	@PostMapping("/reset")
	ResponseEntity<String> requestReset(@RequestParam(defaultValue = "") String email, HttpServletRequest request) {
		Shop shop = shopRequest(request).shop();
		later(shop, () -> members.requestReset(shop, email));
		return views.checkMail(request, "member.check-mail.reset");
	}

	@GetMapping("/reset/confirm")
	ResponseEntity<String> resetPage(@RequestParam(defaultValue = "") String token, HttpServletRequest request) {
		Shop shop = shopRequest(request).shop();
		if (!members.resetLinkUsable(shop, token)) {
			return views.linkRefused(request, "member.link.invalid");
		}
		return views.reset(request, token, null, HttpStatus.OK);
	}

	@PostMapping("/reset/confirm")
	ResponseEntity<String> reset(@RequestParam(defaultValue = "") String token,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
			HttpServletRequest request) {
		ShopRequest shop = shopRequest(request);
		try {
			changes.passwordWasReset(shop.shop(), members.resetPassword(shop.shop(), token, password, confirmation),
					request.getRemoteAddr());
			return redirect(shop.basePath() + "/account/login?reset");
		}
		catch (CorrectableProblem problem) {
			return views.reset(request, token, problem, HttpStatus.UNPROCESSABLE_CONTENT);
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
		ShopRequest shopRequest = shopRequest(request);
		model.addAttribute("shop", shopRequest.shop());
		model.addAttribute("base", shopRequest.basePath());
		return shopRequest.shop();
	}

	/** The open shop the request is for; an unknown or closed shop has no account pages. */
	static ShopRequest shopRequest(HttpServletRequest request) {
		return ShopRequest.of(request).filter(r -> r.shop().isOpen())
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** A plain 302, as the {@code redirect:} views these handlers returned before gave. */
	private static ResponseEntity<String> redirect(String location) {
		return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location).build();
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
