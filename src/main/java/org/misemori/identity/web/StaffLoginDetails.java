package org.misemori.identity.web;

import java.io.Serial;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** A staff sign-in names its shop: login IDs are unique per shop only. */
class StaffLoginDetails extends WebAuthenticationDetails {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String shopCode;

	StaffLoginDetails(HttpServletRequest request) {
		super(request);
		String code = request.getParameter("shopCode");
		this.shopCode = code == null ? "" : code.strip();
	}

	String shopCode() {
		return shopCode;
	}

}
