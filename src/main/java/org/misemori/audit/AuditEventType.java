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
	/** A member turned on the optional TOTP second factor. */
	MEMBER_TOTP_ENABLED(460),
	/** A member turned the TOTP second factor off (password and code given). */
	MEMBER_TOTP_DISABLED(461),
	/** A member's sign-in was completed with a one-time recovery code. */
	MEMBER_RECOVERY_CODE_USED(462),
	/** The second step of a member's sign-in: a code accepted (success) or refused (failure). */
	MEMBER_SIGN_IN_CODE(463),
	/** A member's try to turn TOTP on or off was refused: wrong password or code. */
	MEMBER_TOTP_CHANGE_REFUSED(464);

	private final int code;

	AuditEventType(int code) {
		this.code = code;
	}

	public int code() {
		return code;
	}

}
