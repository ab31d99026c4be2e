package org.misemori.platform.database;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.misemori.platform.ShopId;

import org.springframework.stereotype.Component;

/**
 * Signs the tenant claim that each transaction hands to PostgreSQL: {@code <shop id>.<HMAC>}.
 * The secret is read once at start through the migration (owner) connection; the runtime
 * role cannot read it, so SQL injected into a request cannot sign a claim for another shop.
 * See {@code V2__platform_create_shops_and_tenant_guard.sql}.
 */
@Component
class TenantClaims {

	private final AtomicReference<SecretKeySpec> key = new AtomicReference<>();

	/**
	 * Claims already signed, by shop id: a claim depends only on the shop and the secret, and
	 * every transaction of a page needs one (Mac.getInstance and the HMAC were a few percent of
	 * a storefront page). Emptied when the secret is set; bounded by the number of shops.
	 */
	private final Map<Long, String> signed = new ConcurrentHashMap<>();

	void useSecret(byte[] secret) {
		if (secret.length != 32) {
			throw new IllegalStateException("The tenant guard secret must be 32 bytes");
		}
		key.set(new SecretKeySpec(secret, "HmacSHA256"));
		signed.clear();
	}

	String claimFor(ShopId shop) {
		SecretKeySpec current = key.get();
		if (current == null) {
			throw new IllegalStateException("The tenant guard secret was not loaded: Flyway must run at start");
		}
		return signed.computeIfAbsent(shop.value(), id -> sign(current, Long.toString(id)));
	}

	private static String sign(SecretKeySpec current, String id) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(current);
			return id + "." + HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
