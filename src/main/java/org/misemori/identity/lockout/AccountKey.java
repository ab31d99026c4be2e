package org.misemori.identity.lockout;

import java.util.Locale;
import java.util.Objects;

import org.misemori.identity.domain.Sha256;

/**
 * The account a sign-in attempt names, whether or not it exists: failures are counted for
 * attempted names that match no account exactly as for real ones, so that neither the count
 * nor the lock tells an attacker which names exist.
 * @param kind who signs in this way, which decides lock or delay
 * @param shopId the shop of a staff member or member; {@code null} for operators
 * @param name the login ID as typed (case and surrounding blanks do not matter) or, for
 * members, the blind index of their email; longer names are kept as their SHA-256
 */
public record AccountKey(Kind kind, Long shopId, String name) {

	/** Longer than any real login ID or blind index: beyond it only a hash is kept. */
	private static final int NAME_MAX = 64;

	public AccountKey {
		Objects.requireNonNull(kind, "kind");
		if ((kind == Kind.OPERATOR) != (shopId == null)) {
			throw new IllegalArgumentException("Operators have no shop; staff and members have one");
		}
		name = bounded(kind == Kind.MEMBER ? Objects.requireNonNullElse(name, "")
				: Objects.requireNonNullElse(name, "").strip().toLowerCase(Locale.ROOT));
	}

	public static AccountKey operator(String loginId) {
		return new AccountKey(Kind.OPERATOR, null, loginId);
	}

	public static AccountKey staff(long shopId, String loginId) {
		return new AccountKey(Kind.STAFF, shopId, loginId);
	}

	public static AccountKey member(long shopId, String emailBlindIndex) {
		return new AccountKey(Kind.MEMBER, shopId, emailBlindIndex);
	}

	/** The stored key: {@code operator:<login id>}, {@code staff:<shop>:<login id>}, {@code member:<shop>:<index>}. */
	public String id() {
		String prefix = kind.name().toLowerCase(Locale.ROOT);
		return shopId == null ? prefix + ":" + name : prefix + ":" + shopId + ":" + name;
	}

	@Override
	public String toString() {
		return id();
	}

	private static String bounded(String name) {
		if (name.length() <= NAME_MAX) {
			return name;
		}
		return "sha256-" + Sha256.hex(name);
	}

	/** How an account of this kind signs in, and so what repeated failures do to it. */
	public enum Kind {

		/** Platform operators: locked after repeated failures. */
		OPERATOR,
		/** A shop's staff: locked after repeated failures. */
		STAFF,
		/** Shoppers: slowed down, never locked (a lock would let anyone shut a shopper out). */
		MEMBER

	}

}
