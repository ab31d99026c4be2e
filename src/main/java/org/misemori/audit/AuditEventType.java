package org.misemori.audit;

/**
 * Every kind of audit entry, with a code that is stored and never reused or renumbered
 * (Keycloak's lesson: stored events must survive reordering of this enum).
 */
public enum AuditEventType {

	CROSS_SHOP_ACCESS(100),
	SHOP_OPENED(200),
	SHOP_CLOSED(201),
	OPERATOR_CREATED(300),
	OPERATOR_SETUP_REJECTED(301),
	STAFF_INVITED(310),
	LOGIN(400),
	LOGIN_FAILED(401),
	/** A sign-in refused before its password was checked: a lock, a delay or a rate limit. */
	LOGIN_THROTTLED(410),
	/** An operator or staff account locked after consecutive failed sign-ins. */
	ACCOUNT_LOCKED(411),
	/** A sign-in from a device, browser and network new to the account; its holder was mailed. */
	ENVIRONMENT_ALERT_SENT(420),
	/** The holder used an alert's "this was not me" link: sessions ended, password invalidated. */
	NOT_ME_REPORTED(421),
	/** A forced password-reset campaign was created and every chosen account mailed a link. */
	RESET_CAMPAIGN_STARTED(430),
	/** A campaign's deadline passed: the passwords not replaced in time were invalidated. */
	RESET_CAMPAIGN_DEADLINE_PASSED(431);

	private final int code;

	AuditEventType(int code) {
		this.code = code;
	}

	public int code() {
		return code;
	}

}
