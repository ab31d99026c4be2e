package org.misemori.audit.internal;

import org.misemori.audit.AuditEventType;

record AuditEntry(AuditEventType type, boolean success, String actor, Long shopId, String detail) {

	static AuditEntry success(AuditEventType type, String actor, Long shopId, String detail) {
		return new AuditEntry(type, true, actor, shopId, detail);
	}

	static AuditEntry failure(AuditEventType type, String actor, String detail) {
		return new AuditEntry(type, false, actor, null, detail);
	}

}
