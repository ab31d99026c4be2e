package org.misemori.bench;

/**
 * A line of the admin's member list as the page gets it: the same object from either table, so
 * the page's rendering costs the same for both variants. The address is shown masked, as
 * Misemori's {@code identity.member.MaskedEmail} does it (copied below).
 */
public record MemberLine(long id, String name, String maskedEmail, String phone, String prefecture, boolean active) {

	static String masked(String email) {
		int at = email == null ? -1 : email.lastIndexOf('@');
		if (at < 1) {
			return "***";
		}
		int shown = at <= 2 ? 1 : 2;
		return email.substring(0, shown) + "***" + email.substring(at);
	}

}
