package org.misemori.identity.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.MemberSecondFactorEvent;
import org.misemori.identity.MemberSecondFactorEvent.What;
import org.misemori.identity.notices.SecurityChangeNotices;
import org.misemori.identity.twofactor.MemberSecondFactor;
import org.misemori.platform.Shop;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a member's sign-in, for members who turned TOTP on: an authenticator
 * code or a recovery code, within five minutes of the password. Wrong codes count into the
 * member's throttle like wrong passwords (longer and longer delays, never a lock). Unlike the
 * sign-in page, this page is a fixed template, not the shop's theme: no owner theme code runs
 * where a shopper types an authentication secret after the password, as on payment pages.
 */
@Controller
@RequestMapping("/s/{shopCode}/account/two-factor/code")
class MemberSecondStepController {

	private final MemberSignIn signIn;

	private final MemberSecondFactor secondFactor;

	private final SecondFactorGuard guard;

	private final SecurityChangeNotices notices;

	private final ApplicationEventPublisher events;

	MemberSecondStepController(MemberSignIn signIn, MemberSecondFactor secondFactor, SecondFactorGuard guard,
			SecurityChangeNotices notices, ApplicationEventPublisher events) {
		this.signIn = signIn;
		this.secondFactor = secondFactor;
		this.guard = guard;
		this.notices = notices;
		this.events = events;
	}

	@GetMapping
	String codePage(HttpServletRequest request, Model model) {
		Shop shop = MemberAccountController.shop(request, model);
		if (signIn.pending(shop, request).isEmpty()) {
			return "redirect:" + model.getAttribute("base") + "/account/login?expired";
		}
		return codeForm(model);
	}

	@PostMapping
	String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Shop shop = MemberAccountController.shop(request, model);
		Optional<MemberSignIn.PasswordGiven> pending = signIn.pending(shop, request);
		if (pending.isEmpty()) {
			return "redirect:" + model.getAttribute("base") + "/account/login?expired";
		}
		MemberSignIn.PasswordGiven given = pending.get();
		SecondFactorGuard.Outcome outcome = guard.check(given.account(), request,
				() -> secondFactor.verify(given.shopId(), given.memberId(), code));
		events.publishEvent(new MemberSecondFactorEvent(given.member().getName(), shop.id().value(), What.SIGN_IN_CODE,
				outcome == SecondFactorGuard.Outcome.ACCEPTED));
		if (outcome != SecondFactorGuard.Outcome.ACCEPTED) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errorKey",
					outcome == SecondFactorGuard.Outcome.REFUSED ? "member.login.throttled" : "twofactor.code.wrong");
			return codeForm(model);
		}
		if (!code.strip().matches("\\d{6}")) {
			notices.memberRecoveryCodeUsed(given.member(), shop.name(), request.getRemoteAddr());
			events.publishEvent(new MemberSecondFactorEvent(given.member().getName(), shop.id().value(),
					What.RECOVERY_CODE_USED, true));
		}
		signIn.complete(given, request, response);
		return "redirect:" + model.getAttribute("base") + "/account";
	}

	private static String codeForm(Model model) {
		model.addAttribute("formAction", model.getAttribute("base") + "/account/two-factor/code");
		return "twofactor/code";
	}

}
