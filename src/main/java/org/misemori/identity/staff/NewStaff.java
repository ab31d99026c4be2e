package org.misemori.identity.staff;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whom to invite: their login ID (not an email address), name, email, whether they own the
 * shop, and what they may do (an owner may do everything, whatever is listed here).
 */
public record NewStaff(String loginId, String displayName, String email, boolean owner,
		Set<StaffPermission> permissions) {

	public NewStaff {
		permissions = permissions == null || permissions.isEmpty() ? EnumSet.noneOf(StaffPermission.class)
				: EnumSet.copyOf(permissions);
	}

	/** An invitation without permissions: for owners, who hold all of them anyway. */
	public NewStaff(String loginId, String displayName, String email, boolean owner) {
		this(loginId, displayName, email, owner, Set.of());
	}

}
