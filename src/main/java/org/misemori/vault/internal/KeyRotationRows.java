package org.misemori.vault.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.misemori.platform.ShopId;
import org.misemori.vault.KeyRotationProgress;
import org.misemori.vault.KeyRotationProgress.Status;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of {@code vault.key_rotation}. Reads and per-batch progress run as the shop on the
 * runtime role; starting, claiming and status changes take the cross-shop client they are
 * given, because they go with changes to the shop's keyset.
 */
@Component
class KeyRotationRows {

	private static final String COLUMNS = """
			shop_id, id, requested_by, status, started_at, new_key_id, rows_total_at_start, rows_resealed,
			work_millis, finished_at""";

	private final JdbcClient jdbc;

	KeyRotationRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The current shop's latest rotation (in a transaction as that shop). */
	Optional<KeyRotationProgress> latest(ShopId shop) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM vault.key_rotation WHERE shop_id = :shop ORDER BY id DESC LIMIT 1")
			.param("shop", shop.value())
			.query(KeyRotationRows::progress)
			.optional();
	}

	long insert(JdbcClient crossShop, ShopId shop, String requestedBy, Instant startedAt, int newKeyId, long rowsTotal) {
		return crossShop.sql("""
				INSERT INTO vault.key_rotation (shop_id, requested_by, started_at, new_key_id, rows_total_at_start)
				VALUES (:shop, :by, :at, :key, :rows) RETURNING id""")
			.param("shop", shop.value())
			.param("by", requestedBy)
			.param("at", Timestamp.from(startedAt))
			.param("key", newKeyId)
			.param("rows", rowsTotal)
			.query(Long.class)
			.single();
	}

	/**
	 * Takes one unfinished rotation nobody holds, for {@code leaseUntil}: any running one, or one
	 * finishing whose new key has been primary since before {@code settledBefore}.
	 */
	Optional<KeyRotationProgress> claim(JdbcClient crossShop, Instant now, Instant leaseUntil, Instant settledBefore) {
		return crossShop.sql("""
				UPDATE vault.key_rotation r SET lease_until = :until
				FROM (SELECT shop_id, id FROM vault.key_rotation
				      WHERE status <> 'DONE' AND (lease_until IS NULL OR lease_until < :now)
				        AND (status = 'RUNNING' OR started_at < :settled)
				      ORDER BY started_at LIMIT 1 FOR UPDATE SKIP LOCKED) due
				WHERE r.shop_id = due.shop_id AND r.id = due.id
				RETURNING r.shop_id, r.id, r.requested_by, r.status, r.started_at, r.new_key_id, r.rows_total_at_start,
				          r.rows_resealed, r.work_millis, r.finished_at""")
			.param("until", Timestamp.from(leaseUntil))
			.param("now", Timestamp.from(now))
			.param("settled", Timestamp.from(settledBefore))
			.query(KeyRotationRows::progress)
			.optional();
	}

	/** One batch's progress, committed with the batch (in its transaction as the shop); renews the lease. */
	void progress(ShopId shop, long id, int rows, long millis, Instant leaseUntil) {
		jdbc.sql("""
				UPDATE vault.key_rotation
				SET rows_resealed = rows_resealed + :rows, work_millis = work_millis + :millis, lease_until = :until
				WHERE shop_id = :shop AND id = :id""")
			.param("rows", rows)
			.param("millis", millis)
			.param("until", Timestamp.from(leaseUntil))
			.param("shop", shop.value())
			.param("id", id)
			.update();
	}

	void finishing(JdbcClient crossShop, ShopId shop, long id) {
		crossShop.sql("""
				UPDATE vault.key_rotation SET status = 'FINISHING', lease_until = NULL
				WHERE shop_id = :shop AND id = :id AND status = 'RUNNING'""")
			.param("shop", shop.value())
			.param("id", id)
			.update();
	}

	KeyRotationProgress done(JdbcClient crossShop, ShopId shop, long id, Instant now, int keysRemoved) {
		return crossShop.sql("""
				UPDATE vault.key_rotation SET status = 'DONE', finished_at = :now, keys_removed = :removed, lease_until = NULL
				WHERE shop_id = :shop AND id = :id
				RETURNING shop_id, id, requested_by, status, started_at, new_key_id, rows_total_at_start, rows_resealed,
				          work_millis, finished_at""")
			.param("now", Timestamp.from(now))
			.param("removed", keysRemoved)
			.param("shop", shop.value())
			.param("id", id)
			.query(KeyRotationRows::progress)
			.single();
	}

	int eraseShop(JdbcClient crossShop, ShopId shop) {
		return crossShop.sql("DELETE FROM vault.key_rotation WHERE shop_id = :shop").param("shop", shop.value()).update();
	}

	private static KeyRotationProgress progress(ResultSet row, int number) throws SQLException {
		Timestamp finished = row.getTimestamp("finished_at");
		return new KeyRotationProgress(row.getLong("id"), new ShopId(row.getLong("shop_id")), row.getString("requested_by"),
				Status.valueOf(row.getString("status")), row.getTimestamp("started_at").toInstant(),
				row.getInt("new_key_id"), row.getLong("rows_total_at_start"), row.getLong("rows_resealed"), row.getLong("work_millis"),
				finished == null ? null : finished.toInstant());
	}

}
