package org.misemori.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.identity.passkey.Passkeys;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The code page offers "use a passkey" to those who have registered one. An advice rather than
 * an edit of the two second-factor controllers: the offer is the passkey feature's own concern.
 */
@ControllerAdvice(assignableTypes = { StaffTwoFactorController.class, OperatorTwoFactorController.class })
class PasskeyOffer {

	private final Passkeys staff;

	private final Passkeys operators;

	PasskeyOffer(@Qualifier("staffPasskeys") Passkeys staff, @Qualifier("operatorPasskeys") Passkeys operators) {
		this.staff = staff;
		this.operators = operators;
	}

	@ModelAttribute("hasPasskey")
	boolean hasPasskey(Authentication authentication, HttpServletRequest request) {
		if (authentication == null) {
			return false;
		}
		boolean operator = request.getRequestURI().startsWith(request.getContextPath() + "/operator");
		return (operator ? operators : staff).hasAny(authentication.getName());
	}

}
