package org.misemori.vault.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import org.misemori.platform.ShopId;
import org.misemori.vault.FieldRef;
import org.misemori.vault.KeyEncryptionKey;

/**
 * What a thief holding a copy of the database and the master key could do with every field
 * keyset in it: unwrap each one and try it on a ciphertext, with the exact associated data.
 */
public final class RemainingKeys {

	private RemainingKeys() {
	}

	/** How many of the database's field keysets open {@code sealed} as {@code shop}'s {@code field}. */
	public static int thatOpen(Connection crossShop, KeyEncryptionKey kek, ShopId shop, FieldRef field, byte[] sealed)
			throws SQLException, GeneralSecurityException {
		List<Aead> keysets = new ArrayList<>();
		try (PreparedStatement select = crossShop
			.prepareStatement("SELECT shop_id, wrapped_keyset FROM vault.shop_keyset WHERE purpose = 'FIELDS'");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				ShopKeysets.Key key = new ShopKeysets.Key(new ShopId(rows.getLong(1)), ShopKeysets.Purpose.FIELDS);
				KeysetHandle handle = TinkProtoKeysetFormat.parseEncryptedKeyset(rows.getBytes(2), kek.aead(),
						ShopKeysets.associatedData(key));
				keysets.add(handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
			}
		}
		if (keysets.isEmpty()) {
			throw new IllegalStateException("No keyset in the database: the check would prove nothing");
		}
		int opened = 0;
		for (Aead aead : keysets) {
			try {
				aead.decrypt(sealed, TinkShopVault.associatedData(shop, field));
				opened++;
			}
			catch (GeneralSecurityException expected) {
				// this keyset does not open it
			}
		}
		return opened;
	}

}
