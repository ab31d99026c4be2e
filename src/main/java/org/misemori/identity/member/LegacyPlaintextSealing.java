package org.misemori.identity.member;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;
import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;
import org.misemori.vault.BlindIndexKind;
import org.misemori.vault.FieldRef;
import org.misemori.vault.ShopVault;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the member and staff addresses a database kept in plain text from before migration
 * V26 (which could not encrypt them: the keys live outside the database). Runs at every start
 * and finds nothing to do once done; each shop's rows are sealed in one transaction, so a
 * crash leaves a shop either all legacy or all sealed, and the next start finishes the rest.
 */
@Component
class LegacyPlaintextSealing implements ApplicationRunner {

	private static final Log LOG = LogFactory.getLog(LegacyPlaintextSealing.class);

	private final CrossShopAccess crossShop;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ShopVault vault;

	LegacyPlaintextSealing(CrossShopAccess crossShop, JdbcClient jdbc, TransactionTemplate transactions, ShopVault vault) {
		this.crossShop = crossShop;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.vault = vault;
	}

	@Override
	public void run(ApplicationArguments args) {
		sealAll();
	}

	/** Returns how many addresses were sealed. */
	int sealAll() {
		List<Long> shops = crossShop.call(CrossShopPurpose.LEGACY_SEALING, "shops with plain-text addresses",
				db -> db.sql("""
						SELECT shop_id FROM identity.member_account WHERE legacy_email IS NOT NULL
						UNION SELECT shop_id FROM identity.staff_account WHERE legacy_email IS NOT NULL""")
					.query(Long.class)
					.list());
		int sealed = 0;
		for (long shop : shops) {
			sealed += TenantContext.callAs(new ShopId(shop), () -> transactions.execute(status -> sealShop(new ShopId(shop))));
		}
		if (sealed > 0) {
			LOG.info("Sealed " + sealed + " addresses kept in plain text from before encryption, in " + shops.size() + " shops");
		}
		return sealed;
	}

	private int sealShop(ShopId shop) {
		int sealed = 0;
		for (Legacy row : jdbc.sql("SELECT id, legacy_email FROM identity.member_account WHERE legacy_email IS NOT NULL FOR UPDATE")
			.query(Legacy.class)
			.list()) {
			sealed += jdbc.sql("""
					UPDATE identity.member_account SET email_sealed = :sealed, email_index = :index, legacy_email = NULL
					WHERE id = :id""")
				.param("sealed", vault.encrypt(shop, MemberField.EMAIL.of(row.id()), row.legacyEmail()))
				.param("index", vault.blindIndex(shop, BlindIndexKind.EMAIL, row.legacyEmail()))
				.param("id", row.id())
				.update();
		}
		for (Legacy row : jdbc.sql("SELECT id, legacy_email FROM identity.staff_account WHERE legacy_email IS NOT NULL FOR UPDATE")
			.query(Legacy.class)
			.list()) {
			sealed += jdbc.sql("""
					UPDATE identity.staff_account SET email_sealed = :sealed, email_index = :index, legacy_email = NULL
					WHERE id = :id""")
				.param("sealed", vault.encrypt(shop, FieldRef.of("identity.staff_account", "email", row.id()), row.legacyEmail()))
				.param("index", vault.blindIndex(shop, BlindIndexKind.EMAIL, row.legacyEmail()))
				.param("id", row.id())
				.update();
		}
		return sealed;
	}

	record Legacy(long id, String legacyEmail) {
	}

}
