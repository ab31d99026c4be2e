package org.misemori.ordering.domain;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.misemori.csv.CsvEncoding;
import org.misemori.csv.CsvWriter;
import org.misemori.ordering.OrderId;
import org.misemori.ordering.OrdersExported;
import org.misemori.ordering.Quote;
import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;
import org.misemori.shipping.DeliverySlot;
import org.misemori.shipping.Prefecture;
import org.misemori.tax.RateTotal;
import org.misemori.vault.PersonalDataReader;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's orders as CSV, one row per order line (the way EC-CUBE and MakeShop export 受注明細,
 * so a shop's spreadsheets keep working), the order's columns repeated on each of its lines.
 * Buyers' personal data: the reading is recorded, the file watermarked, and the export audited
 * before a byte leaves. Newest first, at most {@link #MAX_ORDERS} orders a file.
 */
@Component
public class OrderExport {

	static final int MAX_ORDERS = 10_000;

	static final List<String> HEADER = List.of("注文番号", "注文日時", "状態", "支払方法", "購入者名", "購入者フリガナ",
			"メールアドレス", "電話番号", "お届け先名", "お届け先電話番号", "郵便番号", "都道府県", "住所", "建物名", "お届け希望日",
			"お届け時間帯", "商品名", "バリエーション", "単価（税込）", "数量", "税率", "商品小計", "クーポン", "クーポン値引",
			"ポイント利用", "送料", "代引手数料", "合計（税込）", "10%対象", "10%消費税", "8%対象", "8%消費税", "配送業者", "伝票番号",
			"備考");

	private static final DateTimeFormatter PLACED = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").withZone(CheckoutService.JAPAN);

	private final JdbcClient jdbc;

	private final OrderRows rows;

	private final PersonalDataReader reader;

	private final ApplicationEventPublisher events;

	OrderExport(JdbcClient jdbc, OrderRows rows, PersonalDataReader reader, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.reader = reader;
		this.events = events;
	}

	/**
	 * The file, or a writer with {@link CsvWriter#errors()} naming what Shift_JIS cannot carry
	 * (then nothing was exported and nothing audited).
	 */
	@Transactional
	public CsvWriter export(CsvEncoding encoding, String watermark, String actor) {
		ShopId shop = TenantContext.current().orElseThrow();
		CsvWriter file = new CsvWriter(encoding, HEADER, watermark);
		List<OrderId> ids = jdbc.sql("SELECT id FROM ordering.shop_order ORDER BY placed_at DESC, id DESC LIMIT :limit")
			.param("limit", MAX_ORDERS)
			.query(Long.class)
			.list()
			.stream()
			.map(OrderId::new)
			.toList();
		int lines = 0;
		try (PersonalDataReader.Reading reading = reader.open(shop, OrderReading.SUBJECT, "orders CSV export")) {
			for (OrderId id : ids) {
				StoredOrder order = rows.find(id).orElseThrow();
				List<String> party = party(reading, order);
				for (Quote.Line line : rows.lines(id)) {
					file.row(cells(order, party, line));
					lines++;
				}
			}
		}
		if (file.errors().isEmpty()) {
			events.publishEvent(new OrdersExported(shop.value(), actor, ids.size(), lines, encoding.charsetName()));
		}
		return file;
	}

	private static List<String> party(PersonalDataReader.Reading reading, StoredOrder order) {
		List<String> values = new ArrayList<>();
		for (String column : List.of("buyer_name", "buyer_kana", "buyer_email", "buyer_phone", "recipient_name",
				"recipient_phone", "postal_code", "prefecture", "address", "building", "note")) {
			String value = reading.field(OrderSeals.field(column, order.id().value()), order.sealed(column));
			values.add(value == null ? "" : value);
		}
		values.set(6, OrderMailText.postalCode(values.get(6)));
		values.set(7, Prefecture.fromJisCode(values.get(7)).map(Prefecture::japaneseName).orElse(""));
		return values;
	}

	private static List<String> cells(StoredOrder order, List<String> party, Quote.Line line) {
		List<String> cells = new ArrayList<>();
		cells.add(order.id().number());
		cells.add(PLACED.format(order.placedAt()));
		cells.add(order.status().name());
		cells.add(order.payment().name());
		cells.addAll(party.subList(0, 10));
		cells.add(order.deliveryDate() == null ? "" : order.deliveryDate().toString());
		cells.add(order.deliverySlot() == null ? ""
				: DeliverySlot.fromCode(order.deliverySlot()).map(s -> s.label(java.util.Locale.JAPANESE)).orElse(""));
		cells.add(line.productTitle());
		cells.add(line.variantName());
		cells.add(Long.toString(line.unitPrice()));
		cells.add(Integer.toString(line.quantity()));
		cells.add(line.reduced() ? "8" : "10");
		cells.add(Long.toString(order.goodsSubtotal()));
		cells.add(order.couponCode() == null ? "" : order.couponCode());
		cells.add(Long.toString(order.couponDiscount()));
		cells.add(Long.toString(order.pointsUsed()));
		cells.add(Long.toString(order.shippingFee()));
		cells.add(Long.toString(order.codFee()));
		cells.add(Long.toString(order.total()));
		for (RateTotal rate : order.rates()) {
			cells.add(Long.toString(rate.total()));
			cells.add(Long.toString(rate.tax()));
		}
		cells.add(order.carrier() == null ? "" : order.carrier());
		cells.add(order.trackingNumber() == null ? "" : order.trackingNumber());
		cells.add(party.get(10));
		return cells;
	}

}
