package org.misemori.audit.internal;

import org.misemori.audit.AuditEventType;
import org.misemori.catalog.CatalogChanged;
import org.misemori.identity.EmailChanged;
import org.misemori.identity.MemberDataViewed;
import org.misemori.identity.MembersExported;
import org.misemori.identity.MembersImported;
import org.misemori.identity.MemberSecondFactorEvent;
import org.misemori.identity.OperatorCreated;
import org.misemori.identity.PasskeyActivity;
import org.misemori.identity.PasswordChanged;
import org.misemori.identity.SetupLinkRejected;
import org.misemori.identity.StaffInvited;
import org.misemori.identity.StaffPermissionsChanged;
import org.misemori.identity.campaign.CampaignDeadlinePassed;
import org.misemori.identity.campaign.CampaignStarted;
import org.misemori.identity.environment.NewEnvironmentAlerted;
import org.misemori.identity.environment.NotMeReported;
import org.misemori.identity.lockout.AccountLocked;
import org.misemori.identity.lockout.LoginThrottled;
import org.misemori.loyalty.CouponChanged;
import org.misemori.loyalty.PointsSettingsChanged;
import org.misemori.payment.CardPaymentsResumed;
import org.misemori.payment.CardPageChanged;
import org.misemori.payment.CardPaymentsStopped;
import org.misemori.payment.PaymentChanged;
import org.misemori.payment.PaymentAttemptsLimited;
import org.misemori.platform.CrossShopAccessed;
import org.misemori.platform.ShopClosed;
import org.misemori.platform.ShopOpened;
import org.misemori.platform.ShopProfileChanged;
import org.misemori.platform.ShopPurged;
import org.misemori.shipping.DeliverySlipsExported;
import org.misemori.shipping.ShippingSettingsChanged;
import org.misemori.storefront.PrivacyPolicyChanged;
import org.misemori.ordering.OrderStatusChanged;
import org.misemori.ordering.OrdersExported;
import org.misemori.tax.TaxSettingsChanged;
import org.misemori.theme.ThemeFileSaved;
import org.misemori.vault.KeyRotationFinished;
import org.misemori.vault.KeyRotationStarted;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into audit entries. The listeners are synchronous: an entry
 * is written before the publisher goes on, and if it cannot be written the action fails
 * rather than happening unrecorded.
 */
@Component
class AuditTrail {

	private final AuditLog log;

	AuditTrail(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(CrossShopAccessed event) {
		log.append(AuditEntry.success(AuditEventType.CROSS_SHOP_ACCESS, event.actor(), null,
				event.purpose() + ": " + event.detail()));
	}

	@EventListener
	void on(ShopOpened event) {
		log.append(AuditEntry.success(AuditEventType.SHOP_OPENED, event.actor(), event.shopId().value(),
				"code=" + event.code()));
	}

	@EventListener
	void on(ShopClosed event) {
		log.append(AuditEntry.success(AuditEventType.SHOP_CLOSED, event.actor(), event.shopId().value(),
				"code=" + event.code() + " retentionDays=" + event.retentionDays() + " purgeAfter=" + event.purgeAfter()));
	}

	@EventListener
	void on(ShopPurged event) {
		log.append(AuditEntry.success(AuditEventType.SHOP_PURGED, "system", event.shopId().value(),
				"code=" + event.code() + " rowsErased=" + event.rowsErased() + " " + event.erased()));
	}

	@EventListener
	void on(KeyRotationStarted event) {
		log.append(AuditEntry.success(AuditEventType.KEY_ROTATION_STARTED, event.requestedBy(), event.shopId().value(),
				"rotation=" + event.rotationId() + " newKeyId=" + Integer.toUnsignedString(event.newKeyId())
						+ " rowsToReseal=" + event.rowsToReseal()));
	}

	@EventListener
	void on(KeyRotationFinished event) {
		log.append(AuditEntry.success(AuditEventType.KEY_ROTATION_FINISHED, "system", event.shopId().value(),
				"rotation=" + event.rotationId() + " rowsResealed=" + event.rowsResealed() + " workSeconds="
						+ event.workMillis() / 1000.0 + " rowsPerSecond=" + Math.round(event.rowsPerSecond())
						+ " oldKeysRemoved=" + event.keysRemoved()));
	}

	@EventListener
	void on(OperatorCreated event) {
		log.append(AuditEntry.success(AuditEventType.OPERATOR_CREATED, event.loginId(), null, "through setup link"));
	}

	@EventListener
	void on(StaffInvited event) {
		log.append(AuditEntry.success(AuditEventType.STAFF_INVITED, event.invitedBy(), event.shopId(),
				"loginId=" + event.loginId() + " owner=" + event.owner()));
	}

	@EventListener
	void on(StaffPermissionsChanged event) {
		log.append(AuditEntry.success(AuditEventType.STAFF_PERMISSIONS_CHANGED, event.changedBy(), event.shopId(),
				"loginId=" + event.loginId() + " before=" + event.before() + " after=" + event.after()));
	}

	@EventListener
	void on(PasswordChanged event) {
		log.append(AuditEntry.success(AuditEventType.PASSWORD_CHANGED, event.account(), event.shopId(), "by the holder"));
	}

	@EventListener
	void on(EmailChanged event) {
		log.append(AuditEntry.success(AuditEventType.EMAIL_CHANGED, event.account(), event.shopId(), "old and new address mailed"));
	}

	@EventListener
	void on(MemberDataViewed event) {
		log.append(AuditEntry.success(AuditEventType.MEMBER_PERSONAL_DATA_VIEWED, event.viewer(), event.shopId(),
				"memberId=" + event.memberId()));
	}

	@EventListener
	void on(MembersExported event) {
		log.append(AuditEntry.success(AuditEventType.MEMBERS_EXPORTED, event.exporter(), event.shopId(),
				"rows=" + event.rows() + " format=csv/" + event.encoding()));
	}

	@EventListener
	void on(MembersImported event) {
		log.append(AuditEntry.success(AuditEventType.MEMBERS_IMPORTED, event.importer(), event.shopId(),
				"rows=" + event.rows() + " format=csv/" + event.encoding()));
	}

	@EventListener
	void on(SetupLinkRejected event) {
		log.append(AuditEntry.failure(AuditEventType.OPERATOR_SETUP_REJECTED, "anonymous", event.reason()));
	}

	@EventListener
	void on(LoginThrottled event) {
		log.append(new AuditEntry(AuditEventType.LOGIN_THROTTLED, false, event.account(), event.shopId(),
				event.refusal() + " retryAfter=" + event.retryAfter().toSeconds() + "s"));
	}

	@EventListener
	void on(AccountLocked event) {
		log.append(new AuditEntry(AuditEventType.ACCOUNT_LOCKED, true, event.account(), event.shopId(),
				"failures=" + event.failures() + " lastAddress=" + event.lastAddress() + " until=" + event.lockedUntil()));
	}

	@EventListener
	void on(NewEnvironmentAlerted event) {
		log.append(new AuditEntry(AuditEventType.ENVIRONMENT_ALERT_SENT, true, event.account(), event.shopId(),
				"browser=" + event.browserFamily() + " address=" + event.clientAddress()));
	}

	@EventListener
	void on(NotMeReported event) {
		log.append(new AuditEntry(AuditEventType.NOT_ME_REPORTED, true, event.account(), event.shopId(),
				"sessionsEnded=" + event.sessionsEnded() + " address=" + event.clientAddress()));
	}

	@EventListener
	void on(PasskeyActivity event) {
		AuditEventType type = switch (event.what()) {
			case REGISTERED -> AuditEventType.PASSKEY_REGISTERED;
			case REMOVED -> AuditEventType.PASSKEY_REMOVED;
			case SIGNED_IN -> AuditEventType.PASSKEY_SIGN_IN;
			case REFUSED -> AuditEventType.PASSKEY_REFUSED;
		};
		log.append(new AuditEntry(type, event.what() != PasskeyActivity.What.REFUSED, event.account(), event.shopId(),
				"address=" + event.clientAddress()));
	}

	@EventListener
	void on(CampaignStarted event) {
		log.append(new AuditEntry(AuditEventType.RESET_CAMPAIGN_STARTED, true, event.actor(), event.shopId(),
				"campaign=" + event.campaignId() + " accounts=" + event.accounts() + " deadline=" + event.deadline()));
	}

	@EventListener
	void on(CampaignDeadlinePassed event) {
		log.append(new AuditEntry(AuditEventType.RESET_CAMPAIGN_DEADLINE_PASSED, true, "system", null,
				"campaign=" + event.campaignId() + " invalidated=" + event.invalidated() + " reset=" + event.reset()));
	}

	@EventListener
	void on(TaxSettingsChanged event) {
		log.append(AuditEntry.success(AuditEventType.TAX_SETTINGS_CHANGED, event.changedBy(), event.shopId(),
				"before=" + event.before() + " after=" + event.after()));
	}

	@EventListener
	void on(ShopProfileChanged event) {
		log.append(AuditEntry.success(AuditEventType.SHOP_PROFILE_CHANGED, event.changedBy(), event.shopId(),
				"fields=" + String.join(",", event.fields())));
	}

	@EventListener
	void on(ShippingSettingsChanged event) {
		log.append(AuditEntry.success(AuditEventType.SHIPPING_SETTINGS_CHANGED, event.changedBy(), event.shopId(),
				"before=" + event.before() + " after=" + event.after()));
	}

	@EventListener
	void on(PointsSettingsChanged event) {
		log.append(AuditEntry.success(AuditEventType.POINTS_SETTINGS_CHANGED, event.changedBy(), event.shopId(),
				"before=" + event.before() + " after=" + event.after()));
	}

	@EventListener
	void on(DeliverySlipsExported event) {
		log.append(AuditEntry.success(AuditEventType.DELIVERY_SLIPS_EXPORTED, event.actor(), event.shopId(),
				event.carrier() + " slips=" + event.slips() + " orders=" + event.orderNumbers()));
	}

	@EventListener
	void on(PrivacyPolicyChanged event) {
		log.append(AuditEntry.success(AuditEventType.PRIVACY_POLICY_CHANGED, event.changedBy(), event.shopId(),
				"lengthBefore=" + event.lengthBefore() + " lengthAfter=" + event.lengthAfter()));
	}

	@EventListener
	void on(CouponChanged event) {
		AuditEventType type = switch (event.change()) {
			case CREATED -> AuditEventType.COUPON_CREATED;
			case UPDATED -> AuditEventType.COUPON_UPDATED;
			case DEACTIVATED -> AuditEventType.COUPON_DEACTIVATED;
		};
		log.append(AuditEntry.success(type, event.actor(), event.shopId(), event.detail()));
	}

	@EventListener
	void on(OrdersExported event) {
		log.append(AuditEntry.success(AuditEventType.ORDERS_EXPORTED, event.actor(), event.shopId(),
				"orders=" + event.orders() + " lines=" + event.lines() + " encoding=" + event.encoding()));
	}

	@EventListener
	void on(OrderStatusChanged event) {
		AuditEventType type = switch (event.to()) {
			case SHIPPED -> AuditEventType.ORDER_SHIPPED;
			case CANCELLED -> AuditEventType.ORDER_CANCELLED;
			default -> AuditEventType.ORDER_STATUS_CHANGED;
		};
		log.append(AuditEntry.success(type, event.actor(), event.shopId(), "order=" + event.orderId() + " from="
				+ event.from() + " to=" + event.to() + (event.detail().isEmpty() ? "" : " " + event.detail())));
	}

	@EventListener
	void on(CatalogChanged event) {
		AuditEventType type = switch (event.change()) {
			case PRODUCT_CREATED -> AuditEventType.PRODUCT_CREATED;
			case PRODUCT_UPDATED -> AuditEventType.PRODUCT_UPDATED;
			case PRODUCT_PUBLISHED -> AuditEventType.PRODUCT_PUBLISHED;
			case PRODUCT_UNPUBLISHED -> AuditEventType.PRODUCT_UNPUBLISHED;
			case VARIANT_ADDED -> AuditEventType.VARIANT_ADDED;
			case VARIANT_UPDATED -> AuditEventType.VARIANT_UPDATED;
			case CATEGORY_CREATED -> AuditEventType.CATEGORY_CREATED;
			case PRODUCT_CATEGORIES_CHANGED -> AuditEventType.PRODUCT_CATEGORIES_CHANGED;
			case PRODUCT_IMAGE_ADDED -> AuditEventType.PRODUCT_IMAGE_ADDED;
			case PRODUCT_IMAGE_REMOVED -> AuditEventType.PRODUCT_IMAGE_REMOVED;
			case PRODUCTS_IMPORTED -> AuditEventType.PRODUCTS_IMPORTED;
			case PRODUCTS_EXPORTED -> AuditEventType.PRODUCTS_EXPORTED;
		};
		log.append(AuditEntry.success(type, event.actor(), event.shopId(), event.detail()));
	}

	@EventListener
	void on(ThemeFileSaved event) {
		log.append(AuditEntry.success(event.isRollback() ? AuditEventType.THEME_FILE_ROLLED_BACK : AuditEventType.THEME_FILE_SAVED,
				event.by(), event.shopId(), "path=" + event.path() + " version=" + event.version()
						+ (event.isRollback() ? " restoredFrom=" + event.restoredFrom() : "") + " bytes=" + event.bytes()));
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		log.append(AuditEntry.success(AuditEventType.LOGIN, event.getAuthentication().getName(), null, "operator"));
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		log.append(AuditEntry.failure(AuditEventType.LOGIN_FAILED, event.getAuthentication().getName(),
				event.getException().getClass().getSimpleName()));
	}

	@EventListener
	void on(MemberSecondFactorEvent event) {
		AuditEventType type = switch (event.what()) {
			case ENABLED -> AuditEventType.MEMBER_TOTP_ENABLED;
			case DISABLED -> AuditEventType.MEMBER_TOTP_DISABLED;
			case RECOVERY_CODE_USED -> AuditEventType.MEMBER_RECOVERY_CODE_USED;
			case SIGN_IN_CODE -> AuditEventType.MEMBER_SIGN_IN_CODE;
			case CHANGE_REFUSED -> AuditEventType.MEMBER_TOTP_CHANGE_REFUSED;
		};
		log.append(new AuditEntry(type, event.succeeded(), event.account(), event.shopId(), "totp"));
	}

	@EventListener
	void on(CardPaymentsStopped event) {
		log.append(AuditEntry.success(AuditEventType.CARD_PAYMENTS_STOPPED, event.operator(), event.shopId(),
				"stop=" + event.stopId() + " scope=" + scope(event.shopCode()) + " reason=" + event.reason()));
	}

	@EventListener
	void on(CardPaymentsResumed event) {
		log.append(AuditEntry.success(AuditEventType.CARD_PAYMENTS_RESUMED, event.operator(), event.shopId(),
				"stop=" + event.stopId() + " scope=" + scope(event.shopCode()) + " reason=" + event.reason()));
	}

	@EventListener
	void on(PaymentAttemptsLimited event) {
		log.append(new AuditEntry(AuditEventType.PAYMENT_ATTEMPTS_LIMITED, false, "system", event.shopId(),
				"limit=" + event.limit() + " key=" + event.key() + " allowed=" + event.allowed() + " window="
						+ event.window()));
	}

	@EventListener
	void on(PaymentChanged event) {
		String detail = "order=" + event.orderId() + " kind=" + event.kind() + " status=" + event.status();
		log.append(AuditEntry.success(AuditEventType.PAYMENT_CHANGED, event.actor(), event.shopId(), detail));
		if (event.held()) {
			log.append(new AuditEntry(AuditEventType.PAYMENT_HELD, false, event.actor(), event.shopId(), detail));
		}
	}

	@EventListener
	void on(CardPageChanged event) {
		log.append(AuditEntry.success(AuditEventType.CARD_PAGE_CHANGED, event.actor(), event.shopId(),
				"from=" + event.before() + " to=" + event.after()));
	}

	private static String scope(String shopCode) {
		return shopCode == null ? "all-shops" : "shop:" + shopCode;
	}

}
