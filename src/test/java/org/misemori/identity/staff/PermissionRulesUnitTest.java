package org.misemori.identity.staff;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.misemori.identity.staff.StaffPermission.EXPORT;
import static org.misemori.identity.staff.StaffPermission.ORDERS;
import static org.misemori.identity.staff.StaffPermission.PRODUCTS;
import static org.misemori.identity.staff.StaffPermission.STAFF_ADMIN;

class PermissionRulesUnitTest {

	static final PermissionRules.Holder OWNER = new PermissionRules.Holder(1, "owner", true, Set.of());

	static final PermissionRules.Holder ADMIN = new PermissionRules.Holder(2, "admin", false, EnumSet.of(STAFF_ADMIN, ORDERS));

	static final PermissionRules.Holder CLERK = new PermissionRules.Holder(3, "clerk", false, EnumSet.of(EXPORT));

	@Test
	void theOwnerGrantsAnything() {
		assertThat(PermissionRules.changing(OWNER, CLERK, StaffPermission.all())).isEmpty();
		assertThat(PermissionRules.inviting(OWNER, StaffPermission.all())).isEmpty();
	}

	@Test
	void nobodyGrantsWhatTheyLackButMayKeepOrRemoveIt() {
		assertThat(PermissionRules.changing(ADMIN, CLERK, EnumSet.of(EXPORT, PRODUCTS)).orElseThrow().arguments())
			.containsExactly("PRODUCTS");
		assertThat(PermissionRules.changing(ADMIN, CLERK, EnumSet.of(EXPORT, ORDERS))).isEmpty();
		assertThat(PermissionRules.changing(ADMIN, CLERK, EnumSet.noneOf(StaffPermission.class))).isEmpty();
		assertThat(PermissionRules.inviting(ADMIN, EnumSet.of(EXPORT)).orElseThrow().messageKey())
			.isEqualTo("staff.permissions.error.lacking");
	}

	@Test
	void withoutStaffAdministrationNothingChanges() {
		assertThat(PermissionRules.changing(CLERK, ADMIN, EnumSet.of(EXPORT)).orElseThrow().messageKey())
			.isEqualTo("staff.permissions.error.not-admin");
		assertThat(PermissionRules.inviting(CLERK, Set.of()).orElseThrow().messageKey())
			.isEqualTo("staff.permissions.error.not-admin");
	}

	@Test
	void theOwnerIsNotEditedAndNobodyDropsTheirOwnAdministration() {
		assertThat(PermissionRules.changing(ADMIN, OWNER, Set.of()).orElseThrow().messageKey())
			.isEqualTo("staff.permissions.error.owner");
		assertThat(PermissionRules.changing(ADMIN, ADMIN, EnumSet.of(ORDERS)).orElseThrow().messageKey())
			.isEqualTo("staff.permissions.error.own-admin");
		assertThat(PermissionRules.changing(ADMIN, ADMIN, EnumSet.of(STAFF_ADMIN))).isEmpty();
	}

}
