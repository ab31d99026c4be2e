package org.misemori.ordering.domain;

import java.util.HashMap;
import java.util.Map;

import org.misemori.platform.ShopId;
import org.misemori.vault.BlindIndexKind;
import org.misemori.vault.FieldRef;
import org.misemori.vault.ShopVault;

import org.springframework.stereotype.Component;

/** Seals an order's personal values under the shop's keys, each bound to its column and the order's id. */
@Component
class OrderSeals {

	private final ShopVault vault;

	OrderSeals(ShopVault vault) {
		this.vault = vault;
	}

	Map<String, byte[]> seal(ShopId shop, long orderId, ShopperDetails shopper) {
		Map<String, byte[]> sealed = new HashMap<>();
		put(sealed, shop, orderId, "buyer_name", shopper.name());
		put(sealed, shop, orderId, "buyer_kana", shopper.kana());
		put(sealed, shop, orderId, "buyer_email", shopper.email());
		put(sealed, shop, orderId, "buyer_phone", shopper.phone());
		put(sealed, shop, orderId, "recipient_name", shopper.recipientName());
		put(sealed, shop, orderId, "recipient_phone", shopper.recipientPhone());
		put(sealed, shop, orderId, "postal_code", shopper.postalCode());
		put(sealed, shop, orderId, "prefecture", shopper.prefecture().jisCode());
		put(sealed, shop, orderId, "address", shopper.address());
		put(sealed, shop, orderId, "building", shopper.building());
		put(sealed, shop, orderId, "note", shopper.note());
		return sealed;
	}

	byte[] emailIndex(ShopId shop, String email) {
		return vault.blindIndex(shop, BlindIndexKind.EMAIL, email);
	}

	static FieldRef field(String column, long orderId) {
		return FieldRef.of(OrderRows.TABLE, column, orderId);
	}

	private void put(Map<String, byte[]> sealed, ShopId shop, long orderId, String column, String value) {
		sealed.put(column, vault.encryptOptional(shop, field(column, orderId), value));
	}

}
