package org.misemori.audit;

/**
 * Every kind of audit entry, with a code that is stored and never reused or renumbered
 * (Keycloak's lesson: stored events must survive reordering of this enum).
 */
public enum AuditEventType {

	CROSS_SHOP_ACCESS(100),
	SHOP_OPENED(200),
	SHOP_CLOSED(201),
	/** A closed shop's retention ended: its keys destroyed, its personal data deleted; detail counts the rows. */
	SHOP_PURGED(202),
	OPERATOR_CREATED(300),
	OPERATOR_SETUP_REJECTED(301),
	STAFF_INVITED(310),
	/** A staff member's permissions were set (at invitation) or changed; detail has before and after. */
	STAFF_PERMISSIONS_CHANGED(320),
	/** Someone changed their own password; the holder was mailed and their other sessions ended. */
	PASSWORD_CHANGED(321),
	/** An account's email address changed; the old and the new address were mailed. */
	EMAIL_CHANGED(322),
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
	/** A passkey was registered; its holder was mailed. */
	PASSKEY_REGISTERED(440),
	/** A passkey was deleted by its holder; its holder was mailed. */
	PASSKEY_REMOVED(441),
	/** A passkey signed a member in, or gave a staff member's or operator's second factor. */
	PASSKEY_SIGN_IN(442),
	/** A passkey assertion was refused. */
	PASSKEY_REFUSED(443),
	/** A staff member opened one member's full personal data. */
	MEMBER_PERSONAL_DATA_VIEWED(450),
	/** A staff member exported the shop's members; detail has the row count. */
	MEMBERS_EXPORTED(451),
	/** A member turned on the optional TOTP second factor. */
	MEMBER_TOTP_ENABLED(460),
	/** A member turned the TOTP second factor off (password and code given). */
	MEMBER_TOTP_DISABLED(461),
	/** A member's sign-in was completed with a one-time recovery code. */
	MEMBER_RECOVERY_CODE_USED(462),
	/** The second step of a member's sign-in: a code accepted (success) or refused (failure). */
	MEMBER_SIGN_IN_CODE(463),
	/** A member's try to turn TOTP on or off was refused: wrong password or code. */
	MEMBER_TOTP_CHANGE_REFUSED(464),
	/** A shop's field keys were rotated: a new primary key; detail has the rows to re-encrypt. */
	KEY_ROTATION_STARTED(470),
	/** Every row of the shop was re-encrypted under the new key and the old keys were removed; detail has rows and rows/s. */
	KEY_ROTATION_FINISHED(471),
	/** A forced password-reset campaign was created and every chosen account mailed a link. */
	RESET_CAMPAIGN_STARTED(430),
	/** A campaign's deadline passed: the passwords not replaced in time were invalidated. */
	RESET_CAMPAIGN_DEADLINE_PASSED(431),
	/** Staff created a product; detail has its id, handle and tax class. */
	PRODUCT_CREATED(500),
	/** Staff changed a product's handle, title, description or tax class. */
	PRODUCT_UPDATED(501),
	/** A product became visible to shoppers. */
	PRODUCT_PUBLISHED(502),
	/** A product went back to draft: shoppers no longer see it or can reserve it. */
	PRODUCT_UNPUBLISHED(503),
	/** Staff added a variant; detail has its SKU, price and units on hand. */
	VARIANT_ADDED(504),
	/** Staff changed a variant; detail has price and units on hand before and after. */
	VARIANT_UPDATED(505),
	/** Staff created a category. */
	CATEGORY_CREATED(506),
	/** Staff changed which categories a product is in. */
	PRODUCT_CATEGORIES_CHANGED(507),
	/** Staff added a product image (checked by content and re-encoded); detail has product, hash, type, size. */
	PRODUCT_IMAGE_ADDED(508),
	/** Staff removed a product image; detail has product and hash. */
	PRODUCT_IMAGE_REMOVED(509),
	/** A theme file (template, CSS, translations) was saved as a new version; detail has path, version, bytes. */
	THEME_FILE_SAVED(510),
	/** A theme file was rolled back: an old version saved again as the newest; detail has both versions. */
	THEME_FILE_ROLLED_BACK(511),
	/** The owner changed the shop's privacy policy text; detail has the length before and after. */
	PRIVACY_POLICY_CHANGED(512),
	/** A shop's tax rounding rule or invoice registration number changed; detail has before and after. */
	TAX_SETTINGS_CHANGED(520),
	/** Staff changed the shop's profile (the facts of its 特定商取引法 page among them); detail names the fields, not their values. */
	SHOP_PROFILE_CHANGED(521),
	/** A shop's shipping fees, COD fee tiers or delivery options changed; detail has before and after. */
	SHIPPING_SETTINGS_CHANGED(530),
	/** Delivery slips (recipients' names, addresses, phones) were exported for a carrier; detail has the orders. */
	DELIVERY_SLIPS_EXPORTED(531),
	/** A shop's points settings (on/off, earn rate, expiry, minimum use) changed; detail has before and after. */
	POINTS_SETTINGS_CHANGED(540),
	/** Staff created a coupon; detail has its code and terms. */
	COUPON_CREATED(541),
	/** Staff changed a coupon's terms; detail has before and after. */
	COUPON_UPDATED(542),
	/** Staff deactivated a coupon; detail has its code. */
	COUPON_DEACTIVATED(543),
	/** Staff moved an order on (paid, preparing, delivered, returned); detail has the order and both statuses. */
	ORDER_STATUS_CHANGED(600),
	/** Staff shipped an order; detail has the carrier and tracking number. The shopper was mailed. */
	ORDER_SHIPPED(601),
	/** Staff cancelled an order: units, points and coupon given back, the shopper mailed. */
	ORDER_CANCELLED(602),
	/** Staff exported orders with their buyers' data; detail has orders, lines and encoding. */
	ORDERS_EXPORTED(603),
	/** Staff imported members from a CSV file (all rows in one transaction); detail has rows and encoding. */
	MEMBERS_IMPORTED(550),
	/** Staff imported products from a CSV file (all rows in one transaction); detail has the counts and encoding. */
	PRODUCTS_IMPORTED(551),
	/** Staff exported the catalog as CSV; detail has the counts and encoding. */
	PRODUCTS_EXPORTED(552),
	/** An operator stopped card payments in one shop or in every shop; detail has the scope and the reason. */
	CARD_PAYMENTS_STOPPED(700),
	/** An operator lifted a stop of card payments; detail has the scope and the stop's reason. */
	CARD_PAYMENTS_RESUMED(701),
	/** A limit on card payment attempts tripped (card testing?); once per key and window. */
	PAYMENT_ATTEMPTS_LIMITED(702),
	/** An order's payment changed (provider webhook, reconciliation, staff capture, cancel or refund); detail has the order, status and who. */
	PAYMENT_CHANGED(703),
	/** A provider reported an amount other than the order's: the payment is held, the order does not move; an operator must look. */
	PAYMENT_HELD(704),
	/** Staff changed where the shop's shoppers type their card (provider's page or framed fields). */
	CARD_PAGE_CHANGED(705),
	/** Staff saved the shop's bank account for bank-transfer orders (振込先); detail has before and after. */
	BANK_ACCOUNT_CHANGED(706),
	/** Staff marked bank-transfer orders paid from the bank's deposit CSV (one transaction); detail has the count and orders. */
	BANK_TRANSFERS_RECONCILED(707);

	private final int code;

	AuditEventType(int code) {
		this.code = code;
	}

	public int code() {
		return code;
	}

}
