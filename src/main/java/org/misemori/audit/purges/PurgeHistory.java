package org.misemori.audit.purges;

import java.time.Instant;
import java.util.List;

import org.misemori.audit.AuditEventType;
import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;

import org.springframework.stereotype.Component;

/**
 * What was purged when, read back from the audit log's SHOP_PURGED entries: the purge writes
 * its row counts there in the same transaction as the deletions, and the log outlives the shop.
 */
@Component
class PurgeHistory {

	static final int SHOWN = 200;

	private final CrossShopAccess crossShop;

	PurgeHistory(CrossShopAccess crossShop) {
		this.crossShop = crossShop;
	}

	List<Purge> latest() {
		return crossShop.call(CrossShopPurpose.SHOP_ADMINISTRATION, "list purged shops", jdbc -> jdbc.sql("""
				SELECT occurred_at, shop_id, detail FROM audit.audit_event
				WHERE type_code = :code ORDER BY id DESC LIMIT :limit""")
			.param("code", AuditEventType.SHOP_PURGED.code())
			.param("limit", SHOWN)
			.query((row, n) -> new Purge(row.getTimestamp("occurred_at").toInstant(), row.getLong("shop_id"),
					row.getString("detail")))
			.list());
	}

	/** One purge: when, which shop, and the audit entry's account of it (shop code, rows erased per table). */
	record Purge(Instant at, long shopId, String detail) {
	}

}
