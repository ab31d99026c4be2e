package org.misemori.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.passkey.Passkeys;
import org.misemori.identity.staff.StaffMember;

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
 * Staff passkeys: the second step of the sign-in ({@code /admin/2fa/passkey}, open with the
 * password alone, as the code page is) and the staff member's own passkey page. The admin chain
 * has already set the staff member's shop, so only that shop's credentials can be found.
 */
@Controller
class StaffPasskeyController {

	private static final String AREA = "/admin";

	private final Passkeys passkeys;

	private final SecondFactorPasskeys steps;

	StaffPasskeyController(@Qualifier("staffPasskeys") Passkeys passkeys, SecondFactorPasskeys steps) {
		this.passkeys = passkeys;
		this.steps = steps;
	}

	@PostMapping("/admin/2fa/passkey/options")
	@ResponseBody
	ResponseEntity<String> signInOptions(Authentication authentication, HttpServletRequest request) {
		return steps.signInOptions(passkeys, authentication, request);
	}

	@PostMapping("/admin/2fa/passkey")
	@ResponseBody
	ResponseEntity<String> signIn(@RequestBody(required = false) String body, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response) {
		return steps.signIn(passkeys, account(authentication), body == null ? "" : body, authentication, AREA, request,
				response);
	}

	@GetMapping("/admin/security")
	String page(Authentication authentication, Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("consoleKey", "admin.console");
		return steps.page(passkeys, authentication, AREA, model, request, response);
	}

	@PostMapping("/admin/security/passkeys/options")
	@ResponseBody
	ResponseEntity<String> registrationOptions(Authentication authentication, HttpServletRequest request) {
		return steps.registrationOptions(passkeys, authentication, AREA, request);
	}

	@PostMapping("/admin/security/passkeys")
	@ResponseBody
	ResponseEntity<String> register(@RequestBody(required = false) String body, Authentication authentication,
			HttpServletRequest request) {
		return steps.register(passkeys, account(authentication), body == null ? "" : body, authentication, AREA, request);
	}

	@PostMapping("/admin/security/passkeys/delete")
	String delete(@RequestParam(defaultValue = "") String id, Authentication authentication, HttpServletRequest request) {
		return steps.delete(passkeys, account(authentication), id, authentication, AREA, request);
	}

	private static AccountKey account(Authentication authentication) {
		StaffMember staff = (StaffMember) authentication.getPrincipal();
		return AccountKey.staff(staff.shopId().value(),
				staff.getUsername().substring(staff.getUsername().indexOf('/') + 1));
	}

}
