package org.misemori.identity.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.MemberSecondFactorEvent;
import org.misemori.identity.MemberSecondFactorEvent.What;
import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.member.MemberPrincipal;
import org.misemori.identity.notices.SecurityChangeNotices;
import org.misemori.identity.twofactor.MemberSecondFactor;
import org.misemori.platform.Shop;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A member's two-factor page on the storefront: turn TOTP on (the secret, a first code and the
 * password; then ten recovery codes, shown once) or off again (the password and a code). Wrong
 * passwords and codes here count into the member's throttle, as at sign-in: a session left
 * open must not become a place to guess the password.
 */
@Controller
@RequestMapping("/s/{shopCode}/account/two-factor")
class MemberTwoFactorController {

	private static final String PAGE = "storefront/account/two-factor";

	private final MemberSecondFactor secondFactor;

	private final SecondFactorGuard guard;

	private final SecurityChangeNotices notices;

	private final ApplicationEventPublisher events;

	MemberTwoFactorController(MemberSecondFactor secondFactor, SecondFactorGuard guard, SecurityChangeNotices notices,
			ApplicationEventPublisher events) {
		this.secondFactor = secondFactor;
		this.guard = guard;
		this.notices = notices;
		this.events = events;
	}

	@GetMapping
	String page(HttpServletRequest request, Model model) {
		Shop shop = MemberAccountController.shop(request, model);
		MemberPrincipal member = signedIn(shop, model);
		model.addAttribute("enabled", secondFactor.isEnabled(shop.id(), member.memberId()));
		return PAGE;
	}

	@GetMapping("/enrol")
	String enrolPage(HttpServletRequest request, Model model) {
		Shop shop = MemberAccountController.shop(request, model);
		MemberPrincipal member = signedIn(shop, model);
		if (secondFactor.isEnabled(shop.id(), member.memberId())) {
			return "redirect:" + model.getAttribute("base") + "/account/two-factor";
		}
		return enrolForm(shop, member, model);
	}

	@PostMapping("/enrol")
	String confirm(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Shop shop = MemberAccountController.shop(request, model);
		MemberPrincipal member = signedIn(shop, model);
		if (secondFactor.isEnabled(shop.id(), member.memberId())) {
			return "redirect:" + model.getAttribute("base") + "/account/two-factor";
		}
		AtomicReference<List<String>> recoveryCodes = new AtomicReference<>();
		SecondFactorGuard.Outcome outcome = guard.check(accountOf(member), request, () -> secondFactor
			.confirmEnrolment(member, password, code).map(codes -> recoveryCodes.compareAndSet(null, codes)).orElse(false));
		if (outcome != SecondFactorGuard.Outcome.ACCEPTED) {
			refused(member, outcome, response, model);
			return enrolForm(shop, member, model);
		}
		notices.memberSecondFactorEnabled(member, shop.name(), request.getRemoteAddr());
		events.publishEvent(new MemberSecondFactorEvent(member.getName(), shop.id().value(), What.ENABLED, true));
		model.addAttribute("recoveryCodes", recoveryCodes.get());
		model.addAttribute("continueTo", model.getAttribute("base") + "/account/two-factor");
		return "twofactor/recovery-codes";
	}

	@PostMapping("/disable")
	String disable(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Shop shop = MemberAccountController.shop(request, model);
		MemberPrincipal member = signedIn(shop, model);
		SecondFactorGuard.Outcome outcome = guard.check(accountOf(member), request,
				() -> secondFactor.disable(member, password, code));
		if (outcome != SecondFactorGuard.Outcome.ACCEPTED) {
			refused(member, outcome, response, model);
			model.addAttribute("enabled", secondFactor.isEnabled(shop.id(), member.memberId()));
			return PAGE;
		}
		notices.memberSecondFactorDisabled(member, shop.name(), request.getRemoteAddr());
		events.publishEvent(new MemberSecondFactorEvent(member.getName(), shop.id().value(), What.DISABLED, true));
		return "redirect:" + model.getAttribute("base") + "/account/two-factor?disabled";
	}

	/** Only a signed-in member of this shop gets past this; anyone else goes to the sign-in page. */
	private static MemberPrincipal signedIn(Shop shop, Model model) {
		if (MemberAccountController.signedIn(shop) instanceof MemberPrincipal member) {
			return member;
		}
		throw new SignInFirst(model.getAttribute("base") + "/account/login");
	}

	@ExceptionHandler
	String signInFirst(SignInFirst redirect) {
		return "redirect:" + redirect.signInPage;
	}

	private String enrolForm(Shop shop, MemberPrincipal member, Model model) {
		model.addAttribute("enrolment", secondFactor.beginEnrolment(member, shop.code().value()));
		model.addAttribute("formAction", model.getAttribute("base") + "/account/two-factor/enrol");
		model.addAttribute("enrolLeadKey", "member.two-factor.enrol.lead");
		model.addAttribute("passwordRequired", true);
		return "twofactor/enrol";
	}

	private void refused(MemberPrincipal member, SecondFactorGuard.Outcome outcome, HttpServletResponse response,
			Model model) {
		events.publishEvent(new MemberSecondFactorEvent(member.getName(), member.shopId().value(), What.CHANGE_REFUSED,
				false));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("errorKey", outcome == SecondFactorGuard.Outcome.REFUSED ? "member.login.throttled"
				: "member.two-factor.wrong");
	}

	/** The same throttling key as the member's sign-in, from the address they sign in with. */
	private static AccountKey accountOf(MemberPrincipal member) {
		return AccountKey.member(member.shopId().value(), MemberAccountController.emailKey(member.email()));
	}

	/** Thrown, never logged: a redirect to the sign-in page from deep inside a handler. */
	private static final class SignInFirst extends RuntimeException {

		private final String signInPage;

		SignInFirst(String signInPage) {
			super(null, null, false, false);
			this.signInPage = signInPage;
		}

	}

}
