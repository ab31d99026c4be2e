package org.misemori.ordering.domain;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.misemori.ordering.OrderId;
import org.misemori.ordering.OrderStatus;
import org.misemori.ordering.PaymentMethod;
import org.misemori.ordering.PlacedOrder;
import org.misemori.ordering.Quote;
import org.misemori.tax.RateTotal;
import org.misemori.tax.TaxRate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Order rows; row-level security limits every statement to the current shop. */
@Component
class OrderRows {

	/** The sealed columns, without {@code _sealed}: also the field names bound into each value. */
	static final List<String> SEALED = List.of("buyer_name", "buyer_kana", "buyer_email", "buyer_phone",
			"recipient_name", "recipient_phone", "postal_code", "prefecture", "address", "building", "note");

	static final String TABLE = "ordering.shop_order";

	private final JdbcClient jdbc;

	OrderRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long nextId() {
		return jdbc.sql("SELECT nextval('ordering.shop_order_id_seq')").query(Long.class).single();
	}

	Optional<PlacedOrder> findByCheckoutKey(byte[] keyHash) {
		return jdbc.sql("SELECT id, total, payment_method, placed_at FROM ordering.shop_order WHERE checkout_key_hash = :hash")
			.param("hash", keyHash)
			.query((rows, n) -> new PlacedOrder(new OrderId(rows.getLong("id")), rows.getLong("total"),
					PaymentMethod.valueOf(rows.getString("payment_method")), rows.getTimestamp("placed_at").toInstant(),
					false))
			.optional();
	}

	/**
	 * Writes the order unless one with the same checkout key exists (or is being written by a
	 * concurrent click, which this waits for): false then, and nothing was written.
	 */
	boolean insert(NewOrder order) {
		Quote quote = order.quote();
		var statement = jdbc.sql(OrderSql.INSERT)
			.param("shop", order.shopId())
			.param("id", order.id())
			.param("key", order.checkoutKeyHash())
			.param("member", order.memberId())
			.param("payment", quote.payment().name())
			.param("placed", Timestamp.from(order.placedAt()))
			.param("locale", order.locale())
			.param("goods", quote.goodsSubtotal())
			.param("coupon", quote.couponCode().orElse(null))
			.param("discount", quote.couponDiscount())
			.param("pointsUsed", quote.pointsUsed())
			.param("pointsEarned", quote.pointsToEarn())
			.param("shipping", quote.shippingFee())
			.param("cod", quote.codFee())
			.param("total", quote.total())
			.param("standardTotal", rate(quote, TaxRate.STANDARD).total())
			.param("standardTax", rate(quote, TaxRate.STANDARD).tax())
			.param("reducedTotal", rate(quote, TaxRate.REDUCED).total())
			.param("reducedTax", rate(quote, TaxRate.REDUCED).tax())
			.param("rounding", order.rounding())
			.param("registration", order.registrationNumber())
			.param("deliveryDate", quote.deliveryDate().map(Date::valueOf).orElse(null))
			.param("slot", quote.deliverySlot().orElse(null))
			.param("emailIndex", order.buyerEmailIndex());
		for (String field : SEALED) {
			statement = statement.param(field, order.sealed().get(field));
		}
		return statement.update() == 1;
	}

	private static RateTotal rate(Quote quote, TaxRate rate) {
		return quote.rates().stream().filter(line -> line.rate() == rate).findFirst().orElse(new RateTotal(rate, 0, 0));
	}

	void insertLines(long shopId, long orderId, List<Quote.Line> lines) {
		int number = 0;
		for (Quote.Line line : lines) {
			jdbc.sql(OrderSql.INSERT_LINE)
				.param("shop", shopId)
				.param("order", orderId)
				.param("no", ++number)
				.param("product", line.productId())
				.param("variant", line.variantId())
				.param("title", line.productTitle())
				.param("variantName", line.variantName())
				.param("price", line.unitPrice())
				.param("quantity", line.quantity())
				.param("reduced", line.reduced())
				.update();
		}
	}

	void recordStatus(long shopId, long orderId, OrderStatus from, OrderStatus to, Instant at, String by) {
		jdbc.sql("""
				INSERT INTO ordering.order_status_change (shop_id, order_id, from_status, to_status, changed_at, changed_by)
				VALUES (:shop, :order, :from, :to, :at, :by)""")
			.param("shop", shopId)
			.param("order", orderId)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	/** Moves the order on only if it still is {@code from}: two staff clicking at once change it once. */
	boolean changeStatus(OrderId id, OrderStatus from, OrderStatus to, Instant now) {
		return jdbc.sql("UPDATE ordering.shop_order SET status = :to, updated_at = :now WHERE id = :id AND status = :from")
			.param("id", id.value())
			.param("from", from.name())
			.param("to", to.name())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	boolean markShipped(OrderId id, OrderStatus from, String carrier, String tracking, Instant now) {
		return jdbc.sql("""
				UPDATE ordering.shop_order SET status = 'SHIPPED', carrier = :carrier, tracking_number = :tracking,
				       shipped_at = :now, updated_at = :now
				WHERE id = :id AND status = :from""")
			.param("id", id.value())
			.param("from", from.name())
			.param("carrier", carrier)
			.param("tracking", tracking)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	Optional<StoredOrder> find(OrderId id) {
		return jdbc.sql(OrderSql.SELECT_ONE).param("id", id.value()).query(OrderRows::stored).optional();
	}

	List<Quote.Line> lines(OrderId id) {
		return jdbc.sql("""
				SELECT product_id, variant_id, product_title, variant_name, unit_price, quantity, reduced_rate
				FROM ordering.order_line WHERE order_id = :id ORDER BY line_no""")
			.param("id", id.value())
			.query((rows, n) -> new Quote.Line(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
					rows.getLong(5), rows.getInt(6), rows.getBoolean(7)))
			.list();
	}

	List<StoredStatusChange> history(OrderId id) {
		return jdbc.sql("""
				SELECT from_status, to_status, changed_at, changed_by FROM ordering.order_status_change
				WHERE order_id = :id ORDER BY id""")
			.param("id", id.value())
			.query((rows, n) -> new StoredStatusChange(rows.getString(1), rows.getString(2),
					rows.getTimestamp(3).toInstant(), rows.getString(4)))
			.list();
	}

	static StoredOrder stored(ResultSet rows, int number) throws SQLException {
		byte[][] sealed = new byte[SEALED.size()][];
		for (int i = 0; i < sealed.length; i++) {
			sealed[i] = rows.getBytes(SEALED.get(i) + "_sealed");
		}
		Date deliveryDate = rows.getDate("delivery_date");
		Timestamp shippedAt = rows.getTimestamp("shipped_at");
		return new StoredOrder(new OrderId(rows.getLong("id")), (Long) rows.getObject("member_id"),
				OrderStatus.valueOf(rows.getString("status")), PaymentMethod.valueOf(rows.getString("payment_method")),
				rows.getTimestamp("placed_at").toInstant(), rows.getString("locale"), rows.getLong("goods_subtotal"),
				rows.getString("coupon_code"), rows.getLong("coupon_discount"), rows.getLong("points_used"),
				rows.getLong("points_earned"), rows.getLong("shipping_fee"), rows.getLong("cod_fee"), rows.getLong("total"),
				List.of(new RateTotal(TaxRate.STANDARD, rows.getLong("standard_total"), rows.getLong("standard_tax")),
						new RateTotal(TaxRate.REDUCED, rows.getLong("reduced_total"), rows.getLong("reduced_tax"))),
				rows.getString("registration_number"), deliveryDate == null ? null : deliveryDate.toLocalDate(),
				rows.getString("delivery_slot"), rows.getString("carrier"), rows.getString("tracking_number"),
				shippedAt == null ? null : shippedAt.toInstant(), sealed);
	}

}
