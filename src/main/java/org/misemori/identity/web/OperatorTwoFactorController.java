package org.misemori.identity.web;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.twofactor.OperatorSecondFactor;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of an operator's sign-in, and the enrolment that the first sign-in forces:
 * no route of the console works until a TOTP authenticator is set up and a code given.
 */
@Controller
class OperatorTwoFactorController {

	private final OperatorSecondFactor secondFactor;

	private final SecurityContextRepository contexts;

	private final Clock clock;

	private final RequestCache requests = new HttpSessionRequestCache();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	OperatorTwoFactorController(OperatorSecondFactor secondFactor, SecurityContextRepository contexts, Clock clock) {
		this.secondFactor = secondFactor;
		this.contexts = contexts;
		this.clock = clock;
	}

	@GetMapping("/operator/2fa")
	String codePage(Authentication authentication) {
		return secondFactor.isEnrolled(authentication.getName()) ? "operator/2fa" : "redirect:/operator/2fa/enrol";
	}

	@PostMapping("/operator/2fa")
	String verify(@RequestParam(defaultValue = "") String code, Authentication authentication, Model model,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!secondFactor.verify(authentication.getName(), code)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errorKey", "twofactor.code.wrong");
			return "operator/2fa";
		}
		return "redirect:" + raiseToTotp(authentication, request, response);
	}

	@GetMapping("/operator/2fa/enrol")
	String enrolPage(Authentication authentication, Model model) {
		// Once a factor exists, a password alone must never be enough to add another.
		if (secondFactor.isEnrolled(authentication.getName())) {
			return "redirect:/operator/2fa";
		}
		model.addAttribute("enrolment", secondFactor.beginEnrolment(authentication.getName()));
		return "operator/2fa-enrol";
	}

	@PostMapping("/operator/2fa/enrol")
	String confirmEnrolment(@RequestParam(defaultValue = "") String code, Authentication authentication, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (secondFactor.isEnrolled(authentication.getName())) {
			return "redirect:/operator/2fa";
		}
		return secondFactor.confirmEnrolment(authentication.getName(), code).map(recoveryCodes -> {
			model.addAttribute("recoveryCodes", recoveryCodes);
			model.addAttribute("continueTo", raiseToTotp(authentication, request, response));
			return "operator/2fa-recovery-codes";
		}).orElseGet(() -> {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errorKey", "twofactor.code.wrong");
			model.addAttribute("enrolment", secondFactor.beginEnrolment(authentication.getName()));
			return "operator/2fa-enrol";
		});
	}

	/**
	 * Adds the TOTP factor to the signed-in authentication, under a new session id (privilege
	 * went up), and returns where the operator was going.
	 */
	private String raiseToTotp(Authentication current, HttpServletRequest request, HttpServletResponse response) {
		Authentication raised = current.toBuilder().authorities(authorities -> {
			authorities.removeIf(a -> OperatorSecurityConfiguration.TOTP_FACTOR.equals(a.getAuthority()));
			authorities.add(FactorGrantedAuthority.withAuthority(OperatorSecurityConfiguration.TOTP_FACTOR)
				.issuedAt(clock.instant())
				.build());
		}).build();
		request.changeSessionId();
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(raised);
		holder.setContext(context);
		contexts.saveContext(context, request, response);
		SavedRequest saved = requests.getRequest(request, response);
		requests.removeRequest(request, response);
		return saved == null || !saved.getRedirectUrl().contains("/operator") ? "/operator" : saved.getRedirectUrl();
	}

}
