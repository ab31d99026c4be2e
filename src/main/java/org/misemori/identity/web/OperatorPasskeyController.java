package org.misemori.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.passkey.Passkeys;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Operators' passkeys: the second step of the sign-in ({@code /operator/2fa/passkey}, open with
 * the password alone, as the code page is) and the operator's own passkey page.
 */
@Controller
class OperatorPasskeyController {

	private static final String AREA = "/operator";

	private final Passkeys passkeys;

	private final SecondFactorPasskeys steps;

	OperatorPasskeyController(@Qualifier("operatorPasskeys") Passkeys passkeys, SecondFactorPasskeys steps) {
		this.passkeys = passkeys;
		this.steps = steps;
	}

	@PostMapping("/operator/2fa/passkey/options")
	@ResponseBody
	ResponseEntity<String> signInOptions(Authentication authentication, HttpServletRequest request) {
		return steps.signInOptions(passkeys, authentication, request);
	}

	@PostMapping("/operator/2fa/passkey")
	@ResponseBody
	ResponseEntity<String> signIn(@RequestBody(required = false) String body, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response) {
		return steps.signIn(passkeys, account(authentication), body == null ? "" : body, authentication, AREA, request,
				response);
	}

	@GetMapping("/operator/security")
	String page(Authentication authentication, Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("consoleKey", "operator.console");
		return steps.page(passkeys, authentication, AREA, model, request, response);
	}

	@PostMapping("/operator/security/passkeys/options")
	@ResponseBody
	ResponseEntity<String> registrationOptions(Authentication authentication, HttpServletRequest request) {
		return steps.registrationOptions(passkeys, authentication, AREA, request);
	}

	@PostMapping("/operator/security/passkeys")
	@ResponseBody
	ResponseEntity<String> register(@RequestBody(required = false) String body, Authentication authentication,
			HttpServletRequest request) {
		return steps.register(passkeys, account(authentication), body == null ? "" : body, authentication, AREA, request);
	}

	@PostMapping("/operator/security/passkeys/delete")
	String delete(@RequestParam(defaultValue = "") String id, Authentication authentication, HttpServletRequest request) {
		return steps.delete(passkeys, account(authentication), id, authentication, AREA, request);
	}

	private static AccountKey account(Authentication authentication) {
		return AccountKey.operator(authentication.getName());
	}

}
