package org.misemori.identity.passkey;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One registered passkey as its holder sees it: the name they gave it and when it was last used. */
public record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt) {

	private static final DateTimeFormatter JAPAN_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Tokyo"));

	public String created() {
		return createdAt == null ? "—" : JAPAN_TIME.format(createdAt);
	}

	public String lastUsed() {
		return lastUsedAt == null ? "—" : JAPAN_TIME.format(lastUsedAt);
	}

}
