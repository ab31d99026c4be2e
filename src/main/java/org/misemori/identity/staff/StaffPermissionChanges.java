package org.misemori.identity.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.misemori.identity.StaffPermissionsChanged;
import org.misemori.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changing what a staff member may do, by the owner or a STAFF_ADMIN holder, under
 * {@link PermissionRules}. A session carries the rights it was signed in with, so when they
 * change every session of that person ends: they sign in again and hold exactly the new rights
 * (our rotation on privilege change; it works across nodes, as sessions are rows).
 */
@Service
public class StaffPermissionChanges {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	StaffPermissionChanges(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
			FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.sessions = sessions;
	}

	/** Refuses, with a {@link StaffProblem}, an invitation granting what {@code actor} may not grant. */
	public void checkInvitation(StaffMember actor, Set<StaffPermission> wanted) {
		TenantContext.runAs(actor.shopId(), () -> transactions.executeWithoutResult(status -> PermissionRules
			.inviting(holder(actor.staffId()), wanted)
			.ifPresent(problem -> {
				throw problem;
			})));
	}

	/** What {@code loginId} may do now (the owner: everything), for the edit form. */
	public Set<StaffPermission> of(StaffMember actor, String loginId) {
		return TenantContext.callAs(actor.shopId(), () -> transactions.execute(status -> {
			PermissionRules.Holder target = holder(loginId);
			return target.owner() ? StaffPermission.all() : target.permissions();
		}));
	}

	/**
	 * Sets {@code loginId}'s permissions to {@code wanted} and ends their sessions.
	 * @return whether anything changed
	 */
	public boolean change(StaffMember actor, String loginId, Set<StaffPermission> wanted) {
		Set<StaffPermission> after = wanted.isEmpty() ? EnumSet.noneOf(StaffPermission.class) : EnumSet.copyOf(wanted);
		Set<StaffPermission> before = TenantContext.callAs(actor.shopId(), () -> transactions.execute(status -> {
			PermissionRules.Holder target = holder(loginId);
			PermissionRules.changing(holder(actor.staffId()), target, after).ifPresent(problem -> {
				throw problem;
			});
			if (!target.permissions().equals(after)) {
				jdbc.sql("UPDATE identity.staff_account SET permissions = :permissions WHERE shop_id = :shop AND id = :staff")
					.param("permissions", StoredPermissions.names(after))
					.param("shop", actor.shopId().value())
					.param("staff", target.staffId())
					.update();
			}
			return target.permissions();
		}));
		if (before.equals(after)) {
			return false;
		}
		events.publishEvent(new StaffPermissionsChanged(actor.shopId().value(), loginId,
				List.of(StoredPermissions.names(before)), List.of(StoredPermissions.names(after)), actor.getUsername()));
		String principal = actor.getUsername().substring(0, actor.getUsername().indexOf('/') + 1) + loginId;
		sessions.findByPrincipalName(principal).keySet().forEach(sessions::deleteById);
		return true;
	}

	private PermissionRules.Holder holder(long staffId) {
		return jdbc.sql("SELECT id, login_id, is_owner, permissions FROM identity.staff_account WHERE id = :id FOR UPDATE")
			.param("id", staffId)
			.query(StaffPermissionChanges::holderRow)
			.optional()
			.orElseThrow(() -> new StaffProblem("staff.permissions.error.unknown"));
	}

	private PermissionRules.Holder holder(String loginId) {
		return jdbc
			.sql("SELECT id, login_id, is_owner, permissions FROM identity.staff_account WHERE login_id = :loginId FOR UPDATE")
			.param("loginId", loginId == null ? "" : loginId)
			.query(StaffPermissionChanges::holderRow)
			.optional()
			.orElseThrow(() -> new StaffProblem("staff.permissions.error.unknown"));
	}

	private static PermissionRules.Holder holderRow(ResultSet row, int n) throws SQLException {
		return new PermissionRules.Holder(row.getLong("id"), row.getString("login_id"), row.getBoolean("is_owner"),
				StoredPermissions.of(row.getArray("permissions")));
	}

}
