package org.misemori.audit.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Appends entries; the runtime role may INSERT into the audit table and do nothing else with it. */
@Component
class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(AuditEntry entry) {
		jdbc.sql("""
				INSERT INTO audit.audit_event (type_code, type, outcome, actor, shop_id, client_address, detail)
				VALUES (:code, :type, :outcome, :actor, :shopId, :clientAddress, :detail)""")
			.param("code", entry.type().code())
			.param("type", entry.type().name())
			.param("outcome", entry.success() ? "SUCCESS" : "FAILURE")
			.param("actor", entry.actor())
			.param("shopId", entry.shopId())
			.param("clientAddress", clientAddress())
			.param("detail", entry.detail())
			.update();
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
