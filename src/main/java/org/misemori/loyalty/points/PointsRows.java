package org.misemori.loyalty.points;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.misemori.loyalty.OrderRef;
import org.misemori.loyalty.PointsKind;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of points. No WHERE on shop_id when reading: row-level security keeps every statement
 * to the current shop. The ledger is only ever inserted into (the database refuses anything
 * else); each balance change locks the member's account row first.
 */
@Component
class PointsRows {

	private final JdbcClient jdbc;

	PointsRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PointsAccount> find(long memberId) {
		return jdbc.sql("SELECT member_id, balance, last_earned_at FROM loyalty.points_account WHERE member_id = :m")
			.param("m", memberId)
			.query(PointsRows::account)
			.optional();
	}

	/** The account, locked until the transaction ends: concurrent changes of it wait here. */
	Optional<PointsAccount> lock(long memberId) {
		return jdbc.sql("SELECT member_id, balance, last_earned_at FROM loyalty.points_account WHERE member_id = :m FOR UPDATE")
			.param("m", memberId)
			.query(PointsRows::account)
			.optional();
	}

	PointsAccount lockCreating(ShopId shop, long memberId) {
		jdbc.sql("""
				INSERT INTO loyalty.points_account (shop_id, member_id, balance) VALUES (:shop, :m, 0)
				ON CONFLICT (shop_id, member_id) DO NOTHING""").param("shop", shop.value()).param("m", memberId).update();
		return lock(memberId).orElseThrow();
	}

	void change(long memberId, long by, Instant earnedAt) {
		jdbc.sql("""
				UPDATE loyalty.points_account
				   SET balance = balance + :by, last_earned_at = COALESCE(CAST(:earned AS timestamptz), last_earned_at)
				 WHERE member_id = :m""")
			.param("by", by)
			.param("earned", earnedAt == null ? null : Timestamp.from(earnedAt))
			.param("m", memberId)
			.update();
	}

	/** Appends an entry; false if the order already has one of this kind (a retry). */
	boolean append(ShopId shop, long memberId, PointsKind kind, long points, OrderRef order, Instant at) {
		return jdbc.sql("""
				INSERT INTO loyalty.points_entry (shop_id, member_id, kind, points, order_id, at)
				VALUES (:shop, :m, :kind, :points, :order, :at)
				ON CONFLICT (shop_id, order_id, kind) DO NOTHING""")
			.param("shop", shop.value())
			.param("m", memberId)
			.param("kind", kind.name())
			.param("points", points)
			.param("order", order == null ? null : order.orderId())
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** The points of the order's entry of {@code kind}, if it has one. */
	Optional<Long> entryOf(OrderRef order, PointsKind kind) {
		return jdbc.sql("SELECT points FROM loyalty.points_entry WHERE order_id = :o AND kind = :kind")
			.param("o", order.orderId())
			.param("kind", kind.name())
			.query(Long.class)
			.optional();
	}

	/** The member of an order and what it earned and used, summed; empty if it moved no points. */
	Optional<long[]> orderNet(OrderRef order) {
		return jdbc.sql("""
				SELECT member_id, sum(points) FROM loyalty.points_entry
				WHERE order_id = :o AND kind IN ('EARNED', 'REDEEMED') GROUP BY member_id""")
			.param("o", order.orderId())
			.query((row, n) -> new long[] { row.getLong(1), row.getLong(2) })
			.optional();
	}

	List<LedgerRow> latest(long memberId, int limit) {
		return jdbc.sql("""
				SELECT at, kind, points, order_id FROM loyalty.points_entry
				WHERE member_id = :m ORDER BY at DESC, id DESC LIMIT :limit""")
			.param("m", memberId)
			.param("limit", limit)
			.query((row, n) -> new LedgerRow(row.getTimestamp("at").toInstant(), PointsKind.valueOf(row.getString("kind")),
					row.getLong("points"), row.getObject("order_id", Long.class)))
			.list();
	}

	List<Instant> earnings(long memberId) {
		return jdbc.sql("SELECT at FROM loyalty.points_entry WHERE member_id = :m AND kind = 'EARNED' ORDER BY at")
			.param("m", memberId)
			.query((row, n) -> row.getTimestamp(1).toInstant())
			.list();
	}

	private static PointsAccount account(ResultSet row, int n) throws SQLException {
		Timestamp earned = row.getTimestamp("last_earned_at");
		return new PointsAccount(row.getLong("member_id"), row.getLong("balance"), earned == null ? null : earned.toInstant());
	}

	record LedgerRow(Instant at, PointsKind kind, long points, Long orderId) {

	}

}
