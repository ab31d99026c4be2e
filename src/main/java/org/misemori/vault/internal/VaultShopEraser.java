package org.misemori.vault.internal;

import java.util.Map;

import org.misemori.platform.ShopDataEraser;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Crypto-shredding: a purged shop's keysets are deleted (and forgotten by this node at once;
 * other nodes within {@link ShopKeysets#CACHED_FOR}). Every copy of the shop's ciphertext — in
 * backups taken from now on, replicas, dumps — is then unreadable, with every remaining key.
 */
@Component
class VaultShopEraser implements ShopDataEraser {

	private final ShopKeysets keysets;

	private final KeyRotationRows rotations;

	VaultShopEraser(ShopKeysets keysets, KeyRotationRows rotations) {
		this.keysets = keysets;
		this.rotations = rotations;
	}

	@Override
	public Map<String, Integer> erase(ShopId shop, JdbcClient crossShop) {
		int destroyed = crossShop.sql("DELETE FROM vault.shop_keyset WHERE shop_id = :shop").param("shop", shop.value()).update();
		keysets.evict(shop);
		// A rotation of the shop would have nothing left to rotate; its history stays in the audit log.
		return Map.of("vault.shop_keyset", destroyed, "vault.key_rotation", rotations.eraseShop(crossShop, shop));
	}

}
