package org.misemori.identity.web;

import java.util.Set;

import org.misemori.identity.staff.StaffPermission;

/**
 * The areas of the shop admin and the permissions that open each, as
 * {@link StaffSecurityConfiguration} enforces them; the dashboard lists only the open ones.
 */
enum AdminArea {

	ORDERS("/admin/orders", StaffPermission.ORDERS),
	PRODUCTS("/admin/products", StaffPermission.PRODUCTS),
	MEMBERS("/admin/members", StaffPermission.MEMBERS_PERSONAL_DATA, StaffPermission.ORDERS),
	EXPORT("/admin/export", StaffPermission.EXPORT),
	SETTINGS("/admin/settings", StaffPermission.SETTINGS),
	THEMES("/admin/themes", StaffPermission.THEMES),
	STAFF("/admin/staff", StaffPermission.STAFF_ADMIN);

	private final String path;

	/** Any one of these opens the area. */
	private final Set<StaffPermission> opening;

	AdminArea(String path, StaffPermission... opening) {
		this.path = path;
		this.opening = Set.of(opening);
	}

	public String path() {
		return path;
	}

	public String messageKey() {
		return "admin.area." + name().toLowerCase(java.util.Locale.ROOT);
	}

	boolean isOpenTo(Set<StaffPermission> held) {
		return opening.stream().anyMatch(held::contains);
	}

}
