package org.misemori.identity.staff;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whom to invite: their login ID (not an email address), name, email, whether they own the
 * shop, what they may do (an owner may do everything, whatever is listed here), and a phone
 * number if the shop keeps one (optional; stored sealed like the address).
 */
public record NewStaff(String loginId, String displayName, String email, boolean owner,
		Set<StaffPermission> permissions, String phone) {

	public NewStaff {
		permissions = permissions == null || permissions.isEmpty() ? EnumSet.noneOf(StaffPermission.class)
				: EnumSet.copyOf(permissions);
	}

	/** Without a phone number. */
	public NewStaff(String loginId, String displayName, String email, boolean owner, Set<StaffPermission> permissions) {
		this(loginId, displayName, email, owner, permissions, null);
	}

	/** An invitation without permissions: for owners, who hold all of them anyway. */
	public NewStaff(String loginId, String displayName, String email, boolean owner) {
		this(loginId, displayName, email, owner, Set.of(), null);
	}

}
