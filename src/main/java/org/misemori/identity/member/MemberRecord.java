package org.misemori.identity.member;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** One member's full record, as MEMBERS_PERSONAL_DATA holders see it and the export writes it. */
public record MemberRecord(long id, String email, boolean active, Instant registeredAt, Instant verifiedAt) {

	private static final DateTimeFormatter JAPAN_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Tokyo"));

	/** 本会員 once the address is confirmed, 仮会員 before. */
	public String statusLabel() {
		return active ? "本会員" : "仮会員";
	}

	/** When they registered, Japan time. */
	public String registeredInJapan() {
		return JAPAN_TIME.format(registeredAt);
	}

	List<String> csvCells() {
		return List.of(Long.toString(id), email, statusLabel(), JAPAN_TIME.format(registeredAt),
				verifiedAt == null ? "" : JAPAN_TIME.format(verifiedAt));
	}

}
