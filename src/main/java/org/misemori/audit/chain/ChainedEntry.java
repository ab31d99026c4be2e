package org.misemori.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * One audit row as the verifier reads it, and its hash recomputed here, in Java, from the
 * same canonical form as {@code audit.canonical_entry} — deliberately not by calling that
 * function, which whoever tampered with the rows could have replaced too.
 */
record ChainedEntry(long id, long chainSeq, OffsetDateTime occurredAt, int typeCode, String type, String outcome,
		String actor, Long shopId, String clientAddress, String detail, byte[] prevHash, byte[] entryHash) {

	static final byte[] GENESIS = new byte[32];

	private static final DateTimeFormatter MICROSECONDS_UTC = DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

	byte[] expectedHash() {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(prevHash);
			sha256.update(canonical().getBytes(StandardCharsets.UTF_8));
			return sha256.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	/** Each field as {@code <length in characters>:<text>}, in the column order of V21. */
	String canonical() {
		StringBuilder canonical = new StringBuilder();
		Stream.of(Long.toString(chainSeq), occurredAt.withOffsetSameInstant(ZoneOffset.UTC).format(MICROSECONDS_UTC),
				Integer.toString(typeCode), type, outcome, actor, shopId == null ? "" : shopId.toString(),
				clientAddress == null ? "" : clientAddress, detail)
			.forEach(field -> canonical.append(field.codePointCount(0, field.length())).append(':').append(field));
		return canonical.toString();
	}

}
