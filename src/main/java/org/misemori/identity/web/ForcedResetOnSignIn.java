package org.misemori.identity.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.campaign.ForcedReset;
import org.misemori.identity.campaign.StaffResetLinks;
import org.misemori.identity.password.AccountKind;
import org.misemori.identity.staff.StaffMember;
import org.misemori.platform.TenantContext;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * While a reset campaign waits for a staff member's new password, the old password signs them
 * in to nothing: the session it started is dropped at once and they are sent, with a fresh
 * single-use link, to set a new password. The next sign-in, with the new one, goes on to the
 * second factor as always. Anyone else goes on to {@code next}.
 */
class ForcedResetOnSignIn implements AuthenticationSuccessHandler {

	private final ForcedReset forcedReset;

	private final StaffResetLinks links;

	private final AuthenticationSuccessHandler next;

	ForcedResetOnSignIn(ForcedReset forcedReset, StaffResetLinks links, AuthenticationSuccessHandler next) {
		this.forcedReset = forcedReset;
		this.links = links;
		this.next = next;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (!(authentication.getPrincipal() instanceof StaffMember staff) || !TenantContext.callAs(staff.shopId(),
				() -> forcedReset.pending(AccountKind.STAFF, staff.shopId().value(), staff.staffId()))) {
			next.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		String token = links.forcedSignInToken(staff.shopId(), staff.staffId());
		SecurityContextHolder.clearContext();
		if (request.getSession(false) != null) {
			request.getSession(false).invalidate();
		}
		String shopCode = staff.getUsername().substring(0, staff.getUsername().indexOf('/'));
		response.sendRedirect(request.getContextPath() + "/admin/password-reset?forced&shop=" + shopCode + "&token=" + token);
	}

}
