package org.misemori.ordering.domain;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.misemori.ordering.OrderId;
import org.misemori.ordering.OrderSearch;
import org.misemori.ordering.OrderStatus;
import org.misemori.ordering.OrderSummary;
import org.misemori.ordering.Orders;
import org.misemori.ordering.PaymentMethod;
import org.misemori.platform.ShopId;
import org.misemori.vault.BlindIndexKind;
import org.misemori.vault.PersonalDataReader;
import org.misemori.vault.ShopVault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Order lists: staff's, filtered, and a member's own. Only the buyer's name leaves the vault,
 * masked (enough to tell orders apart on a list), and the page's reading is recorded once.
 * A search by email compares blind indexes, so no address is opened to find one.
 */
@Component
class OrderListing {

	private static final String SUMMARY = """
			SELECT o.id, o.placed_at, o.status, o.payment_method, o.total, o.buyer_name_sealed,
			       (SELECT coalesce(sum(l.quantity), 0) FROM ordering.order_line l WHERE l.order_id = o.id) AS items
			FROM ordering.shop_order o""";

	private static final String FILTERED = SUMMARY + """

			WHERE (CAST(:status AS text) IS NULL OR o.status = :status)
			  AND (CAST(:id AS bigint) IS NULL OR o.id = :id)
			  AND (CAST(:emailIndex AS bytea) IS NULL OR o.buyer_email_index = :emailIndex)
			  AND (CAST(:from AS timestamptz) IS NULL OR o.placed_at >= :from)
			  AND (CAST(:to AS timestamptz) IS NULL OR o.placed_at < :to)
			ORDER BY o.placed_at DESC, o.id DESC LIMIT :limit OFFSET :offset""";

	private static final String OF_MEMBER = SUMMARY + """

			WHERE o.member_id = :member ORDER BY o.placed_at DESC, o.id DESC LIMIT :limit""";

	private final JdbcClient jdbc;

	private final ShopVault vault;

	private final PersonalDataReader reader;

	OrderListing(JdbcClient jdbc, ShopVault vault, PersonalDataReader reader) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.reader = reader;
	}

	List<OrderSummary> list(ShopId shop, OrderSearch search, int page) {
		List<Row> rows = jdbc.sql(FILTERED)
			.param("status", search.status().map(OrderStatus::name).orElse(null))
			.param("id", search.number().map(OrderId::value).orElse(null))
			.param("emailIndex", search.buyerEmail().map(email -> vault.blindIndex(shop, BlindIndexKind.EMAIL, email)).orElse(null))
			.param("from", search.from().map(OrderListing::startOf).orElse(null))
			.param("to", search.to().map(day -> startOf(day.plusDays(1))).orElse(null))
			.param("limit", Orders.PAGE_SIZE)
			.param("offset", Math.max(0, page) * Orders.PAGE_SIZE)
			.query(OrderListing::row)
			.list();
		return summaries(shop, rows, "order list");
	}

	List<OrderSummary> ofMember(ShopId shop, long memberId, int limit) {
		List<Row> rows = jdbc.sql(OF_MEMBER).param("member", memberId).param("limit", limit).query(OrderListing::row).list();
		return summaries(shop, rows, "member's order history");
	}

	private List<OrderSummary> summaries(ShopId shop, List<Row> rows, String purpose) {
		if (rows.isEmpty()) {
			return List.of();
		}
		try (PersonalDataReader.Reading reading = reader.open(shop, OrderReading.SUBJECT, purpose)) {
			return rows.stream()
				.map(row -> new OrderSummary(new OrderId(row.id()), row.placedAt().toInstant(),
						OrderStatus.valueOf(row.status()), PaymentMethod.valueOf(row.payment()), row.total(),
						reading.masked(OrderSeals.field("buyer_name", row.id()), row.buyerName(), OrderListing::mask),
						row.items()))
				.toList();
		}
	}

	/** 山田太郎 → 山＊＊＊: the first character and one mark per other character. */
	static String mask(String name) {
		int length = name.codePointCount(0, name.length());
		if (length <= 1) {
			return "＊";
		}
		return name.substring(0, name.offsetByCodePoints(0, 1)) + "＊".repeat(length - 1);
	}

	private static Timestamp startOf(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(CheckoutService.JAPAN).toInstant());
	}

	private static Row row(java.sql.ResultSet rows, int n) throws java.sql.SQLException {
		return new Row(rows.getLong("id"), rows.getTimestamp("placed_at"), rows.getString("status"),
				rows.getString("payment_method"), rows.getLong("total"), rows.getBytes("buyer_name_sealed"),
				rows.getInt("items"));
	}

	private record Row(long id, Timestamp placedAt, String status, String payment, long total, byte[] buyerName,
			int items) {
	}

}
