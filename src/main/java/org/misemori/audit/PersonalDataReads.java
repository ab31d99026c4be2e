package org.misemori.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;

import org.springframework.stereotype.Service;

/**
 * The two questions an incident asks of the read record: who read this person's data in a
 * window of time, and what did this principal read. Answered through the audited cross-shop
 * path, since the runtime role may not read the record.
 */
@Service
public class PersonalDataReads {

	private final CrossShopAccess crossShop;

	PersonalDataReads(CrossShopAccess crossShop) {
		this.crossShop = crossShop;
	}

	public List<Reading> whoRead(long shopId, String subjectKind, long recordId, Instant from, Instant to) {
		return crossShop.call(CrossShopPurpose.INCIDENT_SCOPE, "who read " + subjectKind + " " + recordId,
				jdbc -> jdbc.sql("""
						SELECT occurred_at, principal, client_address, purpose, fields FROM audit.personal_data_read
						 WHERE shop_id = :shop AND subject_kind = :kind AND record_ids @> ARRAY[:id]::bigint[]
						   AND occurred_at >= :from AND occurred_at < :to
						 ORDER BY occurred_at""")
					.param("shop", shopId)
					.param("kind", subjectKind)
					.param("id", recordId)
					.param("from", Timestamp.from(from))
					.param("to", Timestamp.from(to))
					.query((row, n) -> new Reading(row.getTimestamp("occurred_at").toInstant(), row.getString("principal"),
							row.getString("client_address"), row.getString("purpose"),
							List.of((String[]) row.getArray("fields").getArray()), List.of(recordId)))
					.list());
	}

	public List<Reading> readBy(String principal, Instant from, Instant to) {
		return crossShop.call(CrossShopPurpose.INCIDENT_SCOPE, "what " + principal + " read", jdbc -> jdbc.sql("""
				SELECT occurred_at, principal, client_address, purpose, fields, record_ids FROM audit.personal_data_read
				 WHERE principal = :principal AND occurred_at >= :from AND occurred_at < :to
				 ORDER BY occurred_at""")
			.param("principal", principal)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((row, n) -> new Reading(row.getTimestamp("occurred_at").toInstant(), row.getString("principal"),
					row.getString("client_address"), row.getString("purpose"),
					List.of((String[]) row.getArray("fields").getArray()),
					List.of((Long[]) row.getArray("record_ids").getArray())))
			.list());
	}

	/** One screen or export that showed personal data. */
	public record Reading(Instant at, String principal, String clientAddress, String purpose, List<String> fields,
			List<Long> recordIds) {
	}

}
