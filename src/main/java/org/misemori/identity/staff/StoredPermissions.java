package org.misemori.identity.staff;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** Between the {@code text[]} column and {@link StaffPermission}s, in their declared order. */
final class StoredPermissions {

	private StoredPermissions() {
	}

	static Set<StaffPermission> of(Array column) throws SQLException {
		if (column == null) {
			return EnumSet.noneOf(StaffPermission.class);
		}
		return StaffPermission.fromNames(Arrays.asList((String[]) column.getArray()));
	}

	static String[] names(Collection<StaffPermission> permissions) {
		return permissions.stream().sorted().map(Enum::name).toArray(String[]::new);
	}

}
