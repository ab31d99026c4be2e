package org.misemori.identity;

import java.util.List;

/**
 * A staff member's permissions were set, at invitation or later; published for the audit log.
 * @param before the permission names held before, sorted (empty for a new invitation)
 * @param after the permission names held now, sorted
 * @param changedBy who did it, as {@code <shop code>/<login ID>} or an operator's login ID
 */
public record StaffPermissionsChanged(long shopId, String loginId, List<String> before, List<String> after,
		String changedBy) {

	public StaffPermissionsChanged {
		before = List.copyOf(before);
		after = List.copyOf(after);
	}

}
