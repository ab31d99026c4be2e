package org.misemori.identity.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.staff.StaffMember;
import org.misemori.platform.TenantContext;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In the shop admin, the tenant is the signed-in staff member's own shop, whatever the URL
 * says: their requests can reach no other shop's rows.
 */
class StaffTenantFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof StaffMember staff)) {
			chain.doFilter(request, response);
			return;
		}
		try {
			TenantContext.runAs(staff.shopId(), () -> {
				try {
					chain.doFilter(request, response);
				}
				catch (IOException | ServletException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		catch (IllegalStateException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			if (ex.getCause() instanceof ServletException servlet) {
				throw servlet;
			}
			throw ex;
		}
	}

}
