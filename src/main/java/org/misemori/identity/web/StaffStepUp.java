package org.misemori.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.StepUp;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;

/** {@link StepUp} for the staff admin, the way the member export asks for it. */
@Component
class StaffStepUp implements StepUp {

	private final SecondFactorRaise raise;

	StaffStepUp(SecondFactorRaise raise) {
		this.raise = raise;
	}

	@Override
	public boolean recentlyGiven(Authentication authentication) {
		return raise.recentlyGiven(authentication);
	}

	@Override
	public String askForFreshFactor(HttpServletRequest request, HttpServletResponse response) {
		new HttpSessionRequestCache().saveRequest(request, response);
		return "redirect:/admin/2fa?stepup";
	}

}
