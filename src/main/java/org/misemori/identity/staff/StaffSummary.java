package org.misemori.identity.staff;

import java.util.Set;

/** A line of the staff list; an owner's {@code permissions} are all of them. */
public record StaffSummary(String loginId, String displayName, boolean owner, boolean active,
		Set<StaffPermission> permissions) {

	public StaffSummary {
		permissions = owner ? StaffPermission.all() : Set.copyOf(permissions);
	}

	public boolean holds(StaffPermission permission) {
		return permissions.contains(permission);
	}

}
