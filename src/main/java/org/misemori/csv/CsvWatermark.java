package org.misemori.csv;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Who took a file of personal data, and when, written into the file itself: a copy found on a
 * shared drive or in a mail says where it came from. It becomes the file's first line,
 * {@code # exported by demo/owner at 2026-11-23T14:05+09:00 / 個人情報: 取扱注意}, which Excel
 * shows in cell A1 and {@link CsvReader} skips (no comma, so Excel keeps it one cell).
 */
public final class CsvWatermark {

	private static final DateTimeFormatter JAPAN_MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmXXX")
		.withZone(ZoneId.of("Asia/Tokyo"));

	private CsvWatermark() {
	}

	public static String personalData(String exportedBy, Instant at) {
		return "exported by " + exportedBy + " at " + JAPAN_MINUTE.format(at) + " / 個人情報: 取扱注意";
	}

	public static String of(String exportedBy, Instant at) {
		return "exported by " + exportedBy + " at " + JAPAN_MINUTE.format(at);
	}

}
