package org.misemori.vault.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import org.misemori.platform.ShopId;
import org.misemori.vault.BlindIndexKind;
import org.misemori.vault.FieldRef;
import org.misemori.vault.SealedFieldMismatchException;
import org.misemori.vault.ShopVault;

import org.springframework.stereotype.Component;

/** AES-256-GCM per shop with the field's place as associated data; HMAC-SHA256 PRF blind indexes. */
@Component
class TinkShopVault implements ShopVault {

	private static final int INDEX_BYTES = 32;

	private final ShopKeysets keysets;

	TinkShopVault(ShopKeysets keysets) {
		this.keysets = keysets;
	}

	@Override
	public byte[] encrypt(ShopId shop, FieldRef field, String plaintext) {
		try {
			return keysets.fields(shop).encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(shop, field));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed for " + field.table() + "." + field.column(), ex);
		}
	}

	/** Only {@link RecordedReadings} and key rotation open values: every other read is recorded. */
	String decrypt(ShopId shop, FieldRef field, byte[] ciphertext) {
		try {
			return new String(keysets.fieldsFor(shop, ciphertext).decrypt(ciphertext, associatedData(shop, field)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new SealedFieldMismatchException("The value in " + field.table() + "." + field.column() + " of row "
					+ field.rowKey() + " does not decrypt for shop " + shop.value()
					+ ": it was moved from another row or shop, altered, or the shop's keys were destroyed", ex);
		}
	}

	@Override
	public byte[] blindIndex(ShopId shop, BlindIndexKind kind, String value) {
		try {
			byte[] input = (kind.name() + ":" + kind.normalise(value)).getBytes(StandardCharsets.UTF_8);
			return keysets.index(shop).computePrimary(input, INDEX_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Blind index failed", ex);
		}
	}

	/** Shop, table, column and row, each length-prefixed so no two places read alike. */
	static byte[] associatedData(ShopId shop, FieldRef field) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String part : new String[] { "misemori-field-v1", Long.toString(shop.value()), field.table(), field.column(),
				field.rowKey() }) {
			byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
			out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(bytes);
		}
		return out.toByteArray();
	}

}
