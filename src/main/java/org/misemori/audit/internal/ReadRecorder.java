package org.misemori.audit.internal;

import org.misemori.platform.PersonalDataRead;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes each personal-data read in the reader's own transaction: if the record cannot be
 * written, the screen fails rather than showing data unrecorded. One row per screen, however
 * many records it showed, is what keeps this cheap.
 */
@Component
class ReadRecorder {

	private final JdbcClient jdbc;

	ReadRecorder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(PersonalDataRead read) {
		jdbc.sql("""
				INSERT INTO audit.personal_data_read
				       (shop_id, principal, session_ref, client_address, subject_kind, record_ids, fields, purpose)
				VALUES (:shop, :principal, :session, :address, :kind, :ids, :fields, :purpose)""")
			.param("shop", read.shopId())
			.param("principal", read.principal())
			.param("session", read.sessionRef())
			.param("address", read.clientAddress())
			.param("kind", read.subjectKind())
			.param("ids", read.recordIds().toArray(Long[]::new))
			.param("fields", read.fields().toArray(String[]::new))
			.param("purpose", read.purpose())
			.update();
	}

}
