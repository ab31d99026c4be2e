package org.misemori.platform;

/**
 * Why a piece of work needs the cross-shop database role. Each use is audited with its
 * purpose, so the list below is also the list of everything that may look across shops.
 */
public enum CrossShopPurpose {

	/** The operator console lists, creates and closes shops. */
	SHOP_ADMINISTRATION,
	/** Operator accounts and their one-time setup link. */
	OPERATOR_ACCOUNTS,
	/** Seeding the demo shop on the embedded default. */
	DEMO_SEED,
	/** Delivering queued mail: reading the outbox rows the runtime role may not read. */
	MAIL_DELIVERY,
	/** Verifying the audit log's hash chain: reading every entry, which the runtime role may not. */
	AUDIT_VERIFICATION,
	/** Forced password-reset campaigns: an operator's over many shops, and every campaign's deadline. */
	RESET_CAMPAIGNS,
	/** Erasing the data of closed shops whose retention period has ended. */
	SHOP_PURGE,
	/** Sealing, once, addresses stored in plain text before personal data was encrypted. */
	LEGACY_SEALING,
	/** Scoping an incident: reading the record of who read whose personal data. */
	INCIDENT_SCOPE,
	/** Rotating a shop's keys: changing its stored keyset, and finding rotations left unfinished on any node. */
	KEY_ROTATION,
	/** The emergency stop of card payments: an operator stops or resumes them in one shop or in every shop. */
	PAYMENT_STOP

}
