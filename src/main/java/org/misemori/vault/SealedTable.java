package org.misemori.vault;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One table's sealed columns, for key rotation: what a module registers as a {@link SealedRows}
 * bean for each table it seals. Its three statements are constants of the module: the SELECT names the row's key as {@code row_key}, the id its values are
 * bound to as {@code record_id}, then the sealed columns in the order of {@code fields}; the
 * UPDATE sets those columns in that order, then takes the shop and the row key.
 * <p>
 * Re-sealing is not a read of personal data for the record: the vault opens each value and
 * seals it again under the new key in one step, and no plain value leaves the vault.
 */
public final class SealedTable implements SealedRows {

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final String table;

	private final List<String> fields;

	private final String countSql;

	private final String selectSql;

	private final String updateSql;

	/** The key before the first row (0 for ids, the empty byte string for hashes). */
	private final Object beforeFirst;

	/**
	 * Where this node's last batch of each shop ended: only a hint, kept in memory. A batch
	 * that finds nothing after it starts again from the first row, so rows passed over (locked
	 * at the time, or sealed under an old key by another node since) are found all the same,
	 * and a restarted node simply begins at the first row.
	 */
	private final Map<ShopId, Object> lastKey = new ConcurrentHashMap<>();

	public SealedTable(JdbcClient jdbc, JdbcTemplate batches, String table, List<String> fields, String countSql,
			String selectSql, String updateSql, Object beforeFirst) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.table = table;
		this.fields = List.copyOf(fields);
		this.countSql = countSql;
		this.selectSql = selectSql;
		this.updateSql = updateSql;
		this.beforeFirst = beforeFirst;
	}

	@Override
	public long remaining(ShopId shop, byte[] primaryPrefix) {
		return jdbc.sql(countSql).param("shop", shop.value()).param("p", primaryPrefix).query(Long.class).single();
	}

	@Override
	public int resealBatch(ShopId shop, byte[] primaryPrefix, int limit, Resealer resealer) {
		Object after = lastKey.getOrDefault(shop, beforeFirst);
		List<Row> rows = due(shop, primaryPrefix, after, limit);
		if (rows.isEmpty() && after != beforeFirst) {
			rows = due(shop, primaryPrefix, beforeFirst, limit);
		}
		if (rows.isEmpty()) {
			lastKey.remove(shop);
			return 0;
		}
		lastKey.put(shop, rows.get(rows.size() - 1).key());
		List<Object[]> updates = new ArrayList<>(rows.size());
		for (Row row : rows) {
			updates.add(resealed(shop, row, resealer));
		}
		batches.batchUpdate(updateSql, updates);
		return rows.size();
	}

	private List<Row> due(ShopId shop, byte[] primaryPrefix, Object after, int limit) {
		return jdbc.sql(selectSql)
			.param("shop", shop.value())
			.param("p", primaryPrefix)
			.param("after", after)
			.param("n", limit)
			.query(this::row)
			.list();
	}

	private Object[] resealed(ShopId shop, Row row, Resealer resealer) {
		Object[] arguments = new Object[fields.size() + 2];
		for (int i = 0; i < fields.size(); i++) {
			byte[] sealed = resealer.reseal(FieldRef.of(table, fields.get(i), row.recordId()), row.values()[i]);
			arguments[i] = new SqlParameterValue(Types.BINARY, sealed);
		}
		arguments[fields.size()] = shop.value();
		arguments[fields.size() + 1] = row.key();
		return arguments;
	}

	private Row row(ResultSet rows, int number) throws SQLException {
		byte[][] values = new byte[fields.size()][];
		for (int i = 0; i < values.length; i++) {
			values[i] = rows.getBytes(3 + i);
		}
		return new Row(rows.getObject("row_key"), rows.getLong("record_id"), values);
	}

	/** {@code key} finds the row (an id, a token hash); {@code recordId} is what its values are bound to. */
	private record Row(Object key, long recordId, byte[][] values) {
	}

}
