package org.misemori.platform.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.misemori.platform.Shop;
import org.misemori.platform.ShopCode;
import org.misemori.platform.ShopId;
import org.misemori.platform.ShopStatus;

/** Maps {@code platform.shop} rows; the registry columns the runtime role may read come first. */
final class ShopRows {

	static final String ROUTING_COLUMNS = "id, code, name, host_name, status";

	static final String ALL_COLUMNS = ROUTING_COLUMNS + ", opened_at, closed_at, retention_days, purge_after";

	private ShopRows() {
	}

	/** A shop as the runtime role sees it: enough to route a request, no lifecycle dates. */
	static Shop routing(ResultSet row, int rowNum) throws SQLException {
		return new Shop(new ShopId(row.getLong("id")), new ShopCode(row.getString("code")), row.getString("name"),
				row.getString("host_name"), ShopStatus.valueOf(row.getString("status")), null, null, null, null);
	}

	static Shop full(ResultSet row, int rowNum) throws SQLException {
		return new Shop(new ShopId(row.getLong("id")), new ShopCode(row.getString("code")), row.getString("name"),
				row.getString("host_name"), ShopStatus.valueOf(row.getString("status")),
				instant(row.getTimestamp("opened_at")), instant(row.getTimestamp("closed_at")),
				row.getObject("retention_days", Integer.class),
				instant(row.getTimestamp("purge_after")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
