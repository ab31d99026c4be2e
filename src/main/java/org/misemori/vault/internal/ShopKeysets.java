package org.misemori.vault.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

	/**
	 * The field keys to open {@code ciphertext} with. When it names a key this node's cached
	 * keyset does not have (another node rotated the shop's keys within the last minute), the
	 * keyset is read again, once; any other failure is the ciphertext's, not the cache's.
	 */
	Aead fieldsFor(ShopId shop, byte[] ciphertext) {
		Key key = new Key(shop, Purpose.FIELDS);
		primitive(key);
		Cached cached = cache.get(key);
		Integer keyId = TinkPrefix.keyIdOf(ciphertext);
		if (cached != null && keyId != null && !cached.keyIds().contains(keyId)) {
			cache.remove(key, cached);
		}
		return (Aead) primitive(key);
	}

	/** The shop's field keyset as stored now, still wrapped (made first if the shop has none yet). */
	byte[] storedFields(ShopId shop) {
		fields(shop);
		Key key = new Key(shop, Purpose.FIELDS);
		return TenantContext.callAs(shop, () -> transactions.execute(status -> stored(key).orElseThrow()));
	}

	KeysetHandle unwrapFields(ShopId shop, byte[] wrapped) {
		return unwrap(new Key(shop, Purpose.FIELDS), wrapped);
	}

	/** {@code keyset} wrapped by the key-encryption key for the shop's FIELDS row. */
	byte[] wrapFields(ShopId shop, KeysetHandle keyset) {
		try {
			return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, kek.aead(),
					associatedData(new Key(shop, Purpose.FIELDS)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot wrap the rotated keyset with " + kek.id(), ex);
		}
	}

	String kekId() {
		return kek.id();
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
			cached = load(key, now);
			cache.put(key, cached);
		}
		return cached.primitive();
	}

	private Cached load(Key key, Instant now) {
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
		KeysetHandle keyset = unwrap(key, wrapped);
		try {
			Set<Integer> keyIds = IntStream.range(0, keyset.size()).mapToObj(i -> keyset.getAt(i).getId())
				.collect(Collectors.toUnmodifiableSet());
			return new Cached(keyset.getPrimitive(RegistryConfiguration.get(), key.purpose().primitive), keyIds, now);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The keyset of shop " + key.shop().value() + " (" + key.purpose()
					+ ") has no usable primitive", ex);
		}
	}

	private KeysetHandle unwrap(Key key, byte[] wrapped) {
		try {
			return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek.aead(), associatedData(key));
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

	private record Cached(Object primitive, Set<Integer> keyIds, Instant loadedAt) {
	}

}
