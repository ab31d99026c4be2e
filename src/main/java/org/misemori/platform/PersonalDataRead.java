package org.misemori.platform;

import java.util.List;

/**
 * Someone was shown personal data: who, from which session and address, in which shop, which
 * records, which fields, and why (the screen or call). Published by whatever shows it, in the
 * transaction that read it; the audit module keeps it durably, one row per screen however
 * many records it showed, so that "was it read, and whose?" is a query when an incident comes.
 * @param sessionRef a one-way reference to the session (never the cookie's secret)
 * @param subjectKind what the records are, e.g. {@code MEMBER}
 */
public record PersonalDataRead(long shopId, String principal, String sessionRef, String clientAddress,
		String subjectKind, List<Long> recordIds, List<String> fields, String purpose) {

	public PersonalDataRead {
		recordIds = List.copyOf(recordIds);
		fields = List.copyOf(fields);
	}

}
