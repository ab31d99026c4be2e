package org.misemori.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Locale;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;

/**
 * One shop's two keysets and what the vault does with them, copied from Misemori's
 * {@code vault.internal.TinkShopVault} (encrypt, decrypt, blindIndex, associatedData) and
 * {@code vault.BlindIndexKind} (normalisation): the benchmark project cannot depend on the
 * application's package-private classes, so the scheme is copied here and must be kept in step.
 * Left out: {@code ShopKeysets}' cache lookup (a map get and a clock read per value), which is
 * small next to AES-GCM.
 */
final class ShopKeys {

	private static final int INDEX_BYTES = 32;

	private final long shop;

	private final Aead fields;

	private final PrfSet index;

	private ShopKeys(long shop, Aead fields, PrfSet index) {
		this.shop = shop;
		this.fields = fields;
		this.index = index;
	}

	/** A new shop's keysets, as {@code ShopKeysets} makes them on first use: AES-256-GCM and HMAC-SHA256 PRF. */
	static ShopKeys generate(long shop) {
		try {
			AeadConfig.register();
			PrfConfig.register();
			return new ShopKeys(shop,
					KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
						.getPrimitive(RegistryConfiguration.get(), Aead.class),
					KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF)
						.getPrimitive(RegistryConfiguration.get(), PrfSet.class));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code TinkShopVault.encrypt}. */
	byte[] encrypt(String table, String column, String rowKey, String plaintext) {
		try {
			return fields.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(table, column, rowKey));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code TinkShopVault.decrypt}. */
	String decrypt(String table, String column, String rowKey, byte[] ciphertext) {
		try {
			return new String(fields.decrypt(ciphertext, associatedData(table, column, rowKey)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Does not decrypt: " + table + "." + column + " of row " + rowKey, ex);
		}
	}

	/** {@code TinkShopVault.blindIndex} with {@code BlindIndexKind.EMAIL}'s normalisation. */
	byte[] emailIndex(String email) {
		return blindIndex("EMAIL", nfkc(email).toLowerCase(Locale.ROOT));
	}

	/** {@code TinkShopVault.blindIndex} with {@code BlindIndexKind.PHONE}'s normalisation. */
	byte[] phoneIndex(String phone) {
		String digits = nfkc(phone).replaceAll("[^0-9+]", "");
		return blindIndex("PHONE", digits.startsWith("+81") ? "0" + digits.substring(3) : digits.replace("+", ""));
	}

	private byte[] blindIndex(String kind, String normalised) {
		try {
			return index.computePrimary((kind + ":" + normalised).getBytes(StandardCharsets.UTF_8), INDEX_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String nfkc(String value) {
		return Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
	}

	/** {@code TinkShopVault.associatedData}: shop, table, column and row, each length-prefixed. */
	private byte[] associatedData(String table, String column, String rowKey) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String part : new String[] { "misemori-field-v1", Long.toString(shop), table, column, rowKey }) {
			byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
			out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(bytes);
		}
		return out.toByteArray();
	}

}
