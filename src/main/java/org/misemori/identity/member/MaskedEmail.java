package org.misemori.identity.member;

/**
 * An address shown so that staff handling an order can tell members apart without reading
 * the address: {@code taro@example.jp} becomes {@code ta***@example.jp}.
 */
public final class MaskedEmail {

	private MaskedEmail() {
	}

	public static String of(String email) {
		int at = email == null ? -1 : email.lastIndexOf('@');
		if (at < 1) {
			return "***";
		}
		// A one- or two-letter local part would be shown whole: show one letter of it at most.
		int shown = at <= 2 ? 1 : 2;
		return email.substring(0, shown) + "***" + email.substring(at);
	}

}
