package org.misemori.identity.campaign;

/**
 * One statement that ends a campaign's pending accounts: their passwords, then their state,
 * returning each account's session principal name so its sessions can end too.
 */
final class DeadlineSql {

	static final String INVALIDATE = """
			WITH pending AS (
			    UPDATE identity.reset_campaign_target SET state = 'INVALIDATED', invalidated_at = :now
			    WHERE campaign_id = :campaign AND state = 'PENDING'
			    RETURNING shop_id, account_kind, account_id),
			pending_operators AS (
			    UPDATE identity.operator_reset_target SET state = 'INVALIDATED', invalidated_at = :now
			    WHERE campaign_id = :campaign AND state = 'PENDING'
			    RETURNING operator_id),
			members AS (
			    UPDATE identity.member_account m SET password_hash = :unknowable FROM pending p
			    WHERE p.account_kind = 'MEMBER' AND m.shop_id = p.shop_id AND m.id = p.account_id
			    RETURNING 'member:' || m.shop_id || ':' || m.id AS principal),
			staff AS (
			    UPDATE identity.staff_account s SET password_hash = NULL FROM pending p
			    WHERE p.account_kind = 'STAFF' AND s.shop_id = p.shop_id AND s.id = p.account_id
			    RETURNING (SELECT code FROM platform.shop WHERE id = s.shop_id) || '/' || s.login_id AS principal),
			operators AS (
			    UPDATE identity.operator_account o SET password_hash = :unknowable FROM pending_operators p
			    WHERE o.id = p.operator_id
			    RETURNING o.login_id AS principal)
			SELECT principal FROM members UNION ALL SELECT principal FROM staff UNION ALL SELECT principal FROM operators""";

	static final String RESET_COUNT = """
			SELECT (SELECT count(*) FROM identity.reset_campaign_target WHERE campaign_id = :campaign AND state = 'RESET')
			     + (SELECT count(*) FROM identity.operator_reset_target WHERE campaign_id = :campaign AND state = 'RESET')""";

	private DeadlineSql() {
	}

}
