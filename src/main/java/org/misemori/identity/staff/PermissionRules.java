package org.misemori.identity.staff;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may give whom which permissions. Pure rules, so that each can be tested by itself; the
 * callers read the facts from the database, never from the (possibly old) session.
 */
final class PermissionRules {

	private PermissionRules() {
	}

	/** What stops {@code actor} from giving a new staff member {@code wanted}, if anything (a message key). */
	static Optional<StaffProblem> inviting(Holder actor, Set<StaffPermission> wanted) {
		if (!actor.holds(StaffPermission.STAFF_ADMIN)) {
			return Optional.of(new StaffProblem("staff.permissions.error.not-admin"));
		}
		return lacking(actor, wanted);
	}

	/** What stops {@code actor} from changing {@code target}'s permissions from what they are to {@code wanted}. */
	static Optional<StaffProblem> changing(Holder actor, Holder target, Set<StaffPermission> wanted) {
		if (!actor.holds(StaffPermission.STAFF_ADMIN)) {
			return Optional.of(new StaffProblem("staff.permissions.error.not-admin"));
		}
		// The owner's rights come with owning the shop, not from this list: nobody edits them,
		// or a staff administrator could lock the one person out who can undo their edits.
		if (target.owner()) {
			return Optional.of(new StaffProblem("staff.permissions.error.owner"));
		}
		// Dropping one's own STAFF_ADMIN by a slip would leave nobody but the owner to repair it;
		// removing an administrator is a decision someone else makes, on the record.
		if (actor.staffId() == target.staffId() && !wanted.contains(StaffPermission.STAFF_ADMIN)) {
			return Optional.of(new StaffProblem("staff.permissions.error.own-admin"));
		}
		Set<StaffPermission> added = EnumSet.noneOf(StaffPermission.class);
		added.addAll(wanted);
		added.removeAll(target.permissions());
		return lacking(actor, added);
	}

	/**
	 * Nobody grants what they do not hold: otherwise a staff administrator without, say, EXPORT
	 * could give EXPORT to a second account of their own and so give it to themselves.
	 */
	private static Optional<StaffProblem> lacking(Holder actor, Set<StaffPermission> granted) {
		Set<StaffPermission> missing = EnumSet.noneOf(StaffPermission.class);
		granted.stream().filter(p -> !actor.holds(p)).forEach(missing::add);
		if (missing.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new StaffProblem("staff.permissions.error.lacking", String.join(", ",
				missing.stream().map(Enum::name).toList())));
	}

	/** A staff account as the rules see it: the owner holds everything. */
	record Holder(long staffId, String loginId, boolean owner, Set<StaffPermission> permissions) {

		boolean holds(StaffPermission permission) {
			return owner || permissions.contains(permission);
		}

	}

}
