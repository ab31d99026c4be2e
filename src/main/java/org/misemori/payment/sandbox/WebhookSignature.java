package org.misemori.payment.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sandbox provider's webhook signature: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">}, the scheme Stripe made familiar. The timestamp is signed with the body,
 * so an old event cannot be replayed with a fresh time; one older than {@link #TOLERANCE} is
 * refused. Written here rather than taken from a library: it is one HMAC and a comparison,
 * and the JDK's {@link Mac} and constant-time {@link MessageDigest#isEqual} are the library.
 */
final class WebhookSignature {

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	static final String HEADER = "sandbox-pay-signature";

	private final byte[] secret;

	WebhookSignature(String secret) {
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
	}

	boolean verifies(String header, byte[] body, Instant now) {
		if (header == null || header.length() > 300) {
			return false;
		}
		String timestamp = null;
		byte[] given = null;
		for (String part : header.split(",")) {
			String item = part.strip();
			if (item.startsWith("t=") && item.substring(2).matches("[0-9]{1,12}")) {
				timestamp = item.substring(2);
			}
			else if (item.startsWith("v1=") && item.substring(3).matches("[0-9a-f]{64}")) {
				given = HexFormat.of().parseHex(item.substring(3));
			}
		}
		if (timestamp == null || given == null) {
			return false;
		}
		Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
		if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
			return false;
		}
		return MessageDigest.isEqual(sign(timestamp, body), given);
	}

	byte[] sign(String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every JDK", ex);
		}
	}

}
