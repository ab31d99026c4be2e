package org.misemori.loyalty.coupons;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.misemori.loyalty.Coupon;
import org.misemori.loyalty.CouponKind;
import org.misemori.loyalty.OrderRef;
import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of coupons; row-level security keeps every statement to the current shop. */
@Component
class CouponRows {

	private static final String COLUMNS = "id, code, kind, value, minimum_subtotal, starts_at, ends_at, usage_limit, used, active";

	private final JdbcClient jdbc;

	CouponRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Stored> find(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM loyalty.coupon WHERE code = :code")
			.param("code", code)
			.query(CouponRows::stored)
			.optional();
	}

	List<Coupon> list() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM loyalty.coupon ORDER BY created_at DESC, id DESC")
			.query(CouponRows::stored)
			.list()
			.stream()
			.map(Stored::coupon)
			.toList();
	}

	boolean insert(ShopId shop, Coupon coupon) {
		return jdbc.sql("""
				INSERT INTO loyalty.coupon (shop_id, code, kind, value, minimum_subtotal, starts_at, ends_at, usage_limit)
				VALUES (:shop, :code, :kind, :value, :minimum, :starts, :ends, :limit)
				ON CONFLICT (shop_id, code) DO NOTHING""")
			.param("shop", shop.value())
			.param("code", coupon.code())
			.param("kind", coupon.kind().name())
			.param("value", coupon.value())
			.param("minimum", coupon.minimumSubtotalYen())
			.param("starts", Timestamp.from(coupon.startsAt()))
			.param("ends", Timestamp.from(coupon.endsAt()))
			.param("limit", coupon.usageLimit())
			.update() == 1;
	}

	/** False when the new limit is below the uses already counted. */
	boolean updateTerms(Coupon terms) {
		return jdbc.sql("""
				UPDATE loyalty.coupon
				   SET kind = :kind, value = :value, minimum_subtotal = :minimum, starts_at = :starts, ends_at = :ends,
				       usage_limit = CAST(:limit AS integer), updated_at = now()
				 WHERE code = :code AND (CAST(:limit AS integer) IS NULL OR used <= CAST(:limit AS integer))""")
			.param("kind", terms.kind().name())
			.param("value", terms.value())
			.param("minimum", terms.minimumSubtotalYen())
			.param("starts", Timestamp.from(terms.startsAt()))
			.param("ends", Timestamp.from(terms.endsAt()))
			.param("limit", terms.usageLimit())
			.param("code", terms.code())
			.update() == 1;
	}

	boolean deactivate(String code) {
		return jdbc.sql("UPDATE loyalty.coupon SET active = false, updated_at = now() WHERE code = :code AND active")
			.param("code", code)
			.update() == 1;
	}

	/**
	 * Counts one use if the coupon is still usable at {@code now}: one statement, so PostgreSQL
	 * locks the row and re-checks the count against the latest committed version — of thirty
	 * orders racing for three uses, exactly three find their WHERE true.
	 */
	Optional<Long> countUse(String code, Instant now) {
		return jdbc.sql("""
				UPDATE loyalty.coupon SET used = used + 1
				 WHERE code = :code AND active AND starts_at <= :now AND ends_at > :now
				   AND (usage_limit IS NULL OR used < usage_limit)
				RETURNING id""")
			.param("code", code)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	void recordRedemption(ShopId shop, OrderRef order, long couponId, Instant at) {
		jdbc.sql("""
				INSERT INTO loyalty.coupon_redemption (shop_id, order_id, coupon_id, redeemed_at)
				VALUES (:shop, :order, :coupon, :at)""")
			.param("shop", shop.value())
			.param("order", order.orderId())
			.param("coupon", couponId)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The coupon this order used and whether it was already given back. */
	Optional<Redemption> redemptionOf(OrderRef order) {
		return jdbc.sql("SELECT coupon_id, released_at IS NOT NULL FROM loyalty.coupon_redemption WHERE order_id = :order")
			.param("order", order.orderId())
			.query((row, n) -> new Redemption(row.getLong(1), row.getBoolean(2)))
			.optional();
	}

	/** Marks the order's use released and gives it back, once: the first UPDATE is the guard. */
	void release(OrderRef order, Instant at) {
		jdbc.sql("""
				WITH released AS (
				    UPDATE loyalty.coupon_redemption SET released_at = :at
				     WHERE order_id = :order AND released_at IS NULL
				    RETURNING shop_id, coupon_id)
				UPDATE loyalty.coupon c SET used = c.used - 1
				  FROM released r WHERE c.shop_id = r.shop_id AND c.id = r.coupon_id AND c.used > 0""")
			.param("at", Timestamp.from(at))
			.param("order", order.orderId())
			.update();
	}

	private static Stored stored(ResultSet row, int n) throws SQLException {
		Object limit = row.getObject("usage_limit");
		return new Stored(row.getLong("id"), new Coupon(row.getString("code"), CouponKind.valueOf(row.getString("kind")),
				row.getLong("value"), row.getLong("minimum_subtotal"), row.getTimestamp("starts_at").toInstant(),
				row.getTimestamp("ends_at").toInstant(), limit == null ? null : ((Number) limit).intValue(), row.getInt("used"),
				row.getBoolean("active")));
	}

	record Stored(long id, Coupon coupon) {

	}

	record Redemption(long couponId, boolean released) {

	}

}
