package org.misemori.identity.campaign;

import java.util.ArrayList;
import java.util.List;

import org.misemori.platform.ShopId;
import org.misemori.vault.BlindIndexKind;
import org.misemori.vault.ShopVault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The addresses of a campaign's list as the database can match them: blind indexes, which
 * differ per shop, so each listed address is indexed under the key of every shop in reach and
 * matched as a (shop, index) pair. Login IDs never contain an {@code @} and are matched as
 * typed.
 */
@Component
class ListedAddresses {

	/** The shops in reach that hold accounts: an address may be in any of them, and only there. */
	private static final String SHOPS_WITH_ACCOUNTS = """
			SELECT p.id FROM platform.shop p
			WHERE (:anyShop OR p.id = ANY (:shops))
			  AND (EXISTS (SELECT 1 FROM identity.member_account m WHERE m.shop_id = p.id)
			       OR EXISTS (SELECT 1 FROM identity.staff_account s WHERE s.shop_id = p.id))
			ORDER BY p.id""";

	private final ShopVault vault;

	ListedAddresses(ShopVault vault) {
		this.vault = vault;
	}

	/** Parallel arrays, bound as {@code :indexShops}, {@code :indexes} and {@code :indexKeys}. */
	record Indexed(Long[] shops, byte[][] indexes, String[] keys) {

		static final Indexed NONE = new Indexed(new Long[0], new byte[0][], new String[0]);

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			return statement.param("indexShops", shops).param("indexes", indexes).param("indexKeys", keys);
		}

	}

	/** The listed addresses' indexes in each shop of {@code reach}, read on {@code jdbc}'s connection. */
	Indexed of(JdbcClient jdbc, CampaignRequest request, CampaignLaunch.Reach reach) {
		List<String> addresses = request.listed().stream().filter(entry -> entry.contains("@")).toList();
		if (request.selection() != Selection.LIST || addresses.isEmpty()) {
			return Indexed.NONE;
		}
		List<Long> shops = jdbc.sql(SHOPS_WITH_ACCOUNTS)
			.param("anyShop", reach.anyShop())
			.param("shops", reach.shops())
			.query(Long.class)
			.list();
		int size = shops.size() * addresses.size();
		List<Long> shopIds = new ArrayList<>(size);
		List<byte[]> indexes = new ArrayList<>(size);
		List<String> keys = new ArrayList<>(size);
		for (Long shop : shops) {
			ShopId id = new ShopId(shop);
			for (String address : addresses) {
				shopIds.add(shop);
				indexes.add(vault.blindIndex(id, BlindIndexKind.EMAIL, address));
				keys.add(address);
			}
		}
		return new Indexed(shopIds.toArray(Long[]::new), indexes.toArray(byte[][]::new), keys.toArray(String[]::new));
	}

}
