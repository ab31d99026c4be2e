package org.misemori.vault.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;

import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;
import org.misemori.vault.KeyEncryptionKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each shop's two keysets, made on first use, stored wrapped by the key-encryption key, and
 * kept unwrapped in memory for a minute at most (so a rotation or a destruction on another
 * node takes effect here within that minute, without a database read per value).
 */
@Component
class ShopKeysets {

	static final Duration CACHED_FOR = Duration.ofMinutes(1);

	private final KeyEncryptionKey kek;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

	ShopKeysets(KeyEncryptionKey kek, JdbcClient jdbc, TransactionTemplate transactions, Clock clock)
			throws GeneralSecurityException {
		AeadConfig.register();
		PrfConfig.register();
		this.kek = kek;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	Aead fields(ShopId shop) {
		return (Aead) primitive(new Key(shop, Purpose.FIELDS));
	}

	PrfSet index(ShopId shop) {
		return (PrfSet) primitive(new Key(shop, Purpose.INDEX));
	}

	/** Forgets what this node holds for a shop (after its keys were rotated or destroyed). */
	void evict(ShopId shop) {
		cache.keySet().removeIf(key -> key.shop().equals(shop));
	}

	private Object primitive(Key key) {
		Instant now = clock.instant();
		Cached cached = cache.get(key);
		if (cached == null || cached.loadedAt().plus(CACHED_FOR).isBefore(now)) {
			cached = new Cached(load(key), now);
			cache.put(key, cached);
		}
		return cached.primitive();
	}

	private Object load(Key key) {
		byte[] wrapped = TenantContext.callAs(key.shop(), () -> transactions.execute(status -> stored(key)
			.orElseGet(() -> {
				// First use: two nodes may race here; the first row wins and both use it.
				jdbc.sql("""
						INSERT INTO vault.shop_keyset (shop_id, purpose, wrapped_keyset, kek_id)
						VALUES (:shop, :purpose, :wrapped, :kek)
						ON CONFLICT (shop_id, purpose) DO NOTHING""")
					.param("shop", key.shop().value())
					.param("purpose", key.purpose().name())
					.param("wrapped", newWrappedKeyset(key))
					.param("kek", kek.id())
					.update();
				return stored(key).orElseThrow();
			})));
		try {
			KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek.aead(), associatedData(key));
			return keyset.getPrimitive(RegistryConfiguration.get(), key.purpose().primitive);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The keyset of shop " + key.shop().value() + " (" + key.purpose()
					+ ") does not unwrap with " + kek.id(), ex);
		}
	}

	private Optional<byte[]> stored(Key key) {
		return jdbc.sql("SELECT wrapped_keyset FROM vault.shop_keyset WHERE shop_id = :shop AND purpose = :purpose")
			.param("shop", key.shop().value())
			.param("purpose", key.purpose().name())
			.query(byte[].class)
			.optional();
	}

	private byte[] newWrappedKeyset(Key key) {
		try {
			return TinkProtoKeysetFormat.serializeEncryptedKeyset(KeysetHandle.generateNew(key.purpose().parameters),
					kek.aead(), associatedData(key));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot wrap a new keyset with " + kek.id(), ex);
		}
	}

	/** A wrapped keyset moved to another shop's row, or to the other purpose, does not unwrap. */
	static byte[] associatedData(Key key) {
		return ("vault.shop_keyset:" + key.shop().value() + ":" + key.purpose().name()).getBytes(StandardCharsets.UTF_8);
	}

	enum Purpose {

		FIELDS(PredefinedAeadParameters.AES256_GCM, Aead.class), INDEX(PredefinedPrfParameters.HMAC_SHA256_PRF, PrfSet.class);

		final Parameters parameters;

		final Class<?> primitive;

		Purpose(Parameters parameters, Class<?> primitive) {
			this.parameters = parameters;
			this.primitive = primitive;
		}

	}

	record Key(ShopId shop, Purpose purpose) {
	}

	private record Cached(Object primitive, Instant loadedAt) {
	}

}
