package org.misemori.identity.web;

import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffMember;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.AbstractUserDetailsAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a staff member's shop code, login ID and password. Spring Security's base class adds
 * the password factor; an unknown shop or login ID costs the same hashing time as a known one,
 * so response times do not tell which accounts exist.
 */
class StaffAuthenticationProvider extends AbstractUserDetailsAuthenticationProvider {

	private final StaffAccounts staff;

	private final PasswordEncoder passwords;

	private final String unknownAccountHash;

	StaffAuthenticationProvider(StaffAccounts staff, PasswordEncoder passwords) {
		this.staff = staff;
		this.passwords = passwords;
		this.unknownAccountHash = passwords.encode("no account has this password, it only costs the same time");
	}

	@Override
	protected UserDetails retrieveUser(String loginId, UsernamePasswordAuthenticationToken authentication) {
		String shopCode = authentication.getDetails() instanceof StaffLoginDetails details ? details.shopCode() : "";
		return staff.findForSignIn(shopCode, loginId).filter(UserDetails::isEnabled).orElseThrow(() -> {
			passwords.matches(presented(authentication), unknownAccountHash);
			return new BadCredentialsException("Bad credentials");
		});
	}

	@Override
	protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
		if (!passwords.matches(presented(authentication), user.getPassword())) {
			throw new BadCredentialsException("Bad credentials");
		}
	}

	/**
	 * Raised Argon2id parameters reach existing accounts as their holders sign in: the
	 * password is at hand only now, so this is when the hash is redone.
	 */
	@Override
	protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
			UserDetails user) {
		if (user instanceof StaffMember member && passwords.upgradeEncoding(user.getPassword())) {
			staff.replacePasswordHash(member, passwords.encode(presented(authentication)));
		}
		return super.createSuccessAuthentication(principal, authentication, user);
	}

	private static String presented(Authentication authentication) {
		return authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
	}

}
