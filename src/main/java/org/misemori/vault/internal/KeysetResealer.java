package org.misemori.vault.internal;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;

import org.misemori.platform.ShopId;
import org.misemori.vault.FieldRef;
import org.misemori.vault.SealedFieldMismatchException;
import org.misemori.vault.SealedRows;

/**
 * Opens a value and seals it again under the new primary key, with the keyset the rotation
 * just read from the database rather than this node's cache (which may be a minute old and
 * still encrypt under the old key). Not a read of personal data for the record: the plain
 * value exists only inside this method and never leaves the vault.
 */
record KeysetResealer(ShopId shop, Aead keyset, byte[] primaryPrefix) implements SealedRows.Resealer {

	@Override
	public byte[] reseal(FieldRef field, byte[] sealed) {
		if (sealed == null || TinkPrefix.startsWith(sealed, primaryPrefix)) {
			return sealed;
		}
		byte[] place = TinkShopVault.associatedData(shop, field);
		try {
			return keyset.encrypt(keyset.decrypt(sealed, place), place);
		}
		catch (GeneralSecurityException ex) {
			// Left as it is, the value would stop opening once the old keys go: the rotation stops here.
			throw new SealedFieldMismatchException("Key rotation of shop " + shop.value() + " cannot re-encrypt "
					+ field.table() + "." + field.column() + " of row " + field.rowKey()
					+ ": it does not decrypt (moved from another row or shop, or altered)", ex);
		}
	}

}
