package org.misemori.audit.internal;

import org.misemori.audit.AuditEventType;
import org.misemori.ordering.BankTransfersReconciled;
import org.misemori.payment.BankAccountChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The audit entries of bank transfers (issue 6), beside {@link AuditTrail} so that the two stay
 * small: synchronous as there, so an entry that cannot be written fails the change.
 */
@Component
class BankTransferAuditTrail {

	private final AuditLog log;

	BankTransferAuditTrail(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(BankAccountChanged event) {
		log.append(AuditEntry.success(AuditEventType.BANK_ACCOUNT_CHANGED, event.actor(), event.shopId(),
				"before=" + (event.before().isEmpty() ? "none" : event.before()) + " after=" + event.after()));
	}

	@EventListener
	void on(BankTransfersReconciled event) {
		log.append(AuditEntry.success(AuditEventType.BANK_TRANSFERS_RECONCILED, event.actor(), event.shopId(),
				"paid=" + event.orders().size() + " orders=" + event.orders() + " encoding=" + event.encoding()));
	}

}
