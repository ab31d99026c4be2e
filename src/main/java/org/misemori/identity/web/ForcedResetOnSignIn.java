package org.misemori.identity.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.campaign.ForcedReset;
import org.misemori.identity.campaign.OperatorResetLinks;
import org.misemori.identity.campaign.StaffResetLinks;
import org.misemori.identity.password.AccountKind;
import org.misemori.identity.staff.StaffMember;
import org.misemori.platform.TenantContext;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * While a reset campaign waits for an account's new password, the old password signs in to
 * nothing: the session it started is dropped at once and the person is sent, with a fresh
 * single-use link, to set a new password. The next sign-in, with the new one, goes on to the
 * second factor as always. Everyone else goes on to {@code next}.
 */
final class ForcedResetOnSignIn implements AuthenticationSuccessHandler {

	/** Where a forced sign-in is sent, with its link; {@code null} when nothing is pending. */
	private interface Door {

		String redirectIfPending(Authentication authentication);

	}

	private final Door door;

	private final AuthenticationSuccessHandler next;

	private ForcedResetOnSignIn(Door door, AuthenticationSuccessHandler next) {
		this.door = door;
		this.next = next;
	}

	static ForcedResetOnSignIn forStaff(ForcedReset forcedReset, StaffResetLinks links, AuthenticationSuccessHandler next) {
		return new ForcedResetOnSignIn(authentication -> {
			if (!(authentication.getPrincipal() instanceof StaffMember staff) || !TenantContext.callAs(staff.shopId(),
					() -> forcedReset.pending(AccountKind.STAFF, staff.shopId().value(), staff.staffId()))) {
				return null;
			}
			String shopCode = staff.getUsername().substring(0, staff.getUsername().indexOf('/'));
			return "/admin/password-reset?forced&shop=" + shopCode + "&token="
					+ links.forcedSignInToken(staff.shopId(), staff.staffId());
		}, next);
	}

	static ForcedResetOnSignIn forOperators(OperatorResetLinks links, AuthenticationSuccessHandler next) {
		return new ForcedResetOnSignIn(authentication -> links.pending(authentication.getName())
				? "/operator/password-reset?forced&token=" + links.forcedSignInToken(authentication.getName()) : null,
				next);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		String forced = door.redirectIfPending(authentication);
		if (forced == null) {
			next.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		SecurityContextHolder.clearContext();
		if (request.getSession(false) != null) {
			request.getSession(false).invalidate();
		}
		response.sendRedirect(request.getContextPath() + forced);
	}

}
