package org.misemori.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;

/**
 * Step-up for staff: exports and bulk views of personal data ask for a second factor given in
 * the last five minutes, not just a session signed in hours ago (whoever holds a stolen session
 * cannot show the code).
 */
public interface StepUp {

	boolean recentlyGiven(Authentication authentication);

	/** Remembers this request and sends the staff member to give a fresh code; they return here after it. */
	String askForFreshFactor(HttpServletRequest request, HttpServletResponse response);

}
