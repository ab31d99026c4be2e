package org.misemori.notify.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Seals each queued mail with an HMAC under a key the runtime database role cannot read. The
 * runtime role may INSERT into the outbox (it queues mail in the caller's transaction), so an
 * injected statement could plant a row too; without the key it cannot seal it, and delivery
 * refuses it: the platform's mail address is not a phishing relay. The caller's dedupe key
 * is stored keyed the same way, so a planted row cannot take a key a genuine mail needs.
 */
@Component
class MailSeal implements SmartInitializingSingleton {

	private static final byte[] DEDUPE = "misemori-mail-dedupe-v1".getBytes(StandardCharsets.UTF_8);

	private static final byte[] SEAL = "misemori-mail-seal-v1".getBytes(StandardCharsets.UTF_8);

	private final CrossShopAccess crossShop;

	private final AtomicReference<SecretKeySpec> key = new AtomicReference<>();

	MailSeal(CrossShopAccess crossShop) {
		this.crossShop = crossShop;
	}

	/**
	 * Reads the key once, as the application starts: that read is audited, and done here it
	 * never becomes part of (or rolls back with) a caller's transaction.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		key();
	}

	byte[] dedupeKey(String callersKey) {
		return mac(DEDUPE, callersKey.getBytes(StandardCharsets.UTF_8));
	}

	byte[] seal(byte[] dedupeKey, Long shopId, String recipient, String subject, String body) {
		String shop = (shopId == null) ? "" : shopId.toString();
		return mac(SEAL, dedupeKey, utf8(shop), utf8(recipient), utf8(subject), utf8(body));
	}

	boolean verifies(QueuedMail mail) {
		byte[] expected = seal(mail.dedupeKey(), mail.shopId(), mail.recipient(), mail.subject(), mail.body());
		return MessageDigest.isEqual(expected, mail.seal());
	}

	/** Each field is length-prefixed, so no two different mails share an input. */
	private byte[] mac(byte[]... fields) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			for (byte[] field : fields) {
				mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(field.length).array());
				mac.update(field);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec current = key.get();
		if (current != null) {
			return current;
		}
		synchronized (key) {
			if (key.get() == null) {
				byte[] secret = crossShop.call(CrossShopPurpose.MAIL_DELIVERY, "load the mail seal key",
						jdbc -> jdbc.sql("SELECT secret FROM notify.mail_seal_key WHERE id = 1")
							.query(byte[].class)
							.single());
				key.set(new SecretKeySpec(secret, "HmacSHA256"));
			}
			return key.get();
		}
	}

	private static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
