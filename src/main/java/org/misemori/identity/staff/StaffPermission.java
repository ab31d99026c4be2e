package org.misemori.identity.staff;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;

/**
 * What a member of a shop's staff may do, area by area. The shop owner holds every one,
 * always; everyone else holds what the owner or a staff administrator gave them. The names are
 * stored in {@code identity.staff_account.permissions}, and a database CHECK accepts only these
 * names: renaming a value needs a migration that renames the stored ones.
 */
public enum StaffPermission {

	/** Orders: see and handle them; also sees the member list with masked addresses. */
	ORDERS,
	/** Products and stock. */
	PRODUCTS,
	/** A member's full personal data (their whole email address and more), one member at a time. */
	MEMBERS_PERSONAL_DATA,
	/** Exports (CSV). Exporting members also needs {@link #MEMBERS_PERSONAL_DATA}. */
	EXPORT,
	/** The shop's settings. */
	SETTINGS,
	/** The storefront's look. */
	THEMES,
	/** Inviting staff and changing their permissions. */
	STAFF_ADMIN;

	private static final String PREFIX = "PERM_";

	/** The authority a signed-in staff member holds for this permission. */
	public String authority() {
		return PREFIX + name();
	}

	public static Set<StaffPermission> all() {
		return EnumSet.allOf(StaffPermission.class);
	}

	/** Known names only: an unknown one (an old value, a forged form field) is dropped, never an error. */
	public static Set<StaffPermission> fromNames(Collection<String> names) {
		return names.stream()
			.map(StaffPermission::byName)
			.flatMap(Optional::stream)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(StaffPermission.class)));
	}

	/** The permissions among a signed-in person's authorities. */
	public static Set<StaffPermission> heldBy(Collection<? extends GrantedAuthority> authorities) {
		return fromNames(authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a != null && a.startsWith(PREFIX))
			.map(a -> a.substring(PREFIX.length()))
			.toList());
	}

	private static Optional<StaffPermission> byName(String name) {
		return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
	}

}
